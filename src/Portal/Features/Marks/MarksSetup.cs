namespace ContainerNetLib.Portal.Features.Marks;

public static class MarksSetup
{
    /// <summary>A member's own marks over the shared reader pages: what is new, read, unread and kept for later.
    /// </summary>
    public static WebApplicationBuilder AddMarks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReadingOptions>().Bind(builder.Configuration.GetSection(ReadingOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MemberReading>();
        builder.Services.AddSingleton<AccountExport>();
        return builder;
    }
}
