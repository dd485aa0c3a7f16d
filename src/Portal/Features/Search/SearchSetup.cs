namespace ContainerNetLib.Portal.Features.Search;

public static class SearchSetup
{
    /// <summary>Search, and the vocabulary it suggests from, kept current in the background.</summary>
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SearchService>();
        SearchVocabulary.AddRebuildPipeline(builder.Services);
        builder.Services.AddSingleton<SearchVocabulary>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SearchVocabulary>());
        return builder;
    }
}
