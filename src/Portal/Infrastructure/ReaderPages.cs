using ContainerNetLib.Portal.Features.Reading;
using ContainerNetLib.Portal.Features.Search;
using ContainerNetLib.Portal.Infrastructure.Rendering;

namespace ContainerNetLib.Portal.Infrastructure;

public static class ReaderPages
{
    public static WebApplicationBuilder AddReaderPages(this WebApplicationBuilder builder)
    {
        // Reader pages render statically; editor pages under /admin are interactive over a circuit.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider, RequestAntiforgeryStateProvider>();
        builder.Services.AddSingleton<SafeMarkdown>();
        builder.Services.AddSingleton<ReferenceDefinitions>();
        builder.Services.AddSingleton<SectionDirectory>();
        builder.Services.AddSingleton<ReadingQueries>();
        builder.Services.AddSingleton<SearchService>();
        return builder;
    }
}
