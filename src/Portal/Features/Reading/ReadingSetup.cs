namespace ContainerNetLib.Portal.Features.Reading;

public static class ReadingSetup
{
    /// <summary>The reader's sections and entries, read through the retrying database.</summary>
    public static WebApplicationBuilder AddReading(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SectionDirectory>();
        builder.Services.AddSingleton<ReadingQueries>();
        return builder;
    }
}
