using ContainerNetLib.Portal.Features.Reading;
using ContainerNetLib.Portal.Features.Search;
using ContainerNetLib.Portal.Infrastructure.Rendering;

namespace ContainerNetLib.Portal.Infrastructure;

public static class ReaderPages
{
    public static WebApplicationBuilder AddReaderPages(this WebApplicationBuilder builder)
    {
        // Reader pages render statically; editor pages under /admin are interactive over a circuit.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            // A pasted batch of bullets travels in one message: SignalR's 32 KB default would drop the circuit.
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 2 * 1024 * 1024);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider,
            RequestAntiforgeryStateProvider>();
        builder.Services.AddSingleton<SafeMarkdown>();
        builder.Services.AddSingleton<ReferenceDefinitions>();
        builder.Services.AddSingleton<SectionDirectory>();
        builder.Services.AddSingleton<ReadingQueries>();
        builder.Services.AddSingleton<SearchService>();
        SearchVocabulary.AddRebuildPipeline(builder.Services);
        builder.Services.AddSingleton<SearchVocabulary>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SearchVocabulary>());
        return builder;
    }
}
