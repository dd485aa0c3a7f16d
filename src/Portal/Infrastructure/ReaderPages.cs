using ContainerNetLib.Portal.Features.Reading;
using ContainerNetLib.Portal.Features.Search;
using ContainerNetLib.Portal.Infrastructure.Rendering;

namespace ContainerNetLib.Portal.Infrastructure;

public static class ReaderPages
{
    public static WebApplicationBuilder AddReaderPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton<SafeMarkdown>();
        builder.Services.AddSingleton<ReferenceDefinitions>();
        builder.Services.AddSingleton<SectionDirectory>();
        builder.Services.AddSingleton<ReadingQueries>();
        builder.Services.AddSingleton<SearchService>();
        return builder;
    }
}
