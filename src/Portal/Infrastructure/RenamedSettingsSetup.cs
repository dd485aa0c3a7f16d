using ContainerNetLib.Domain.Settings;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// Renamed settings (<see cref="RenamedSettings"/>) in the portal and the worker: called first, before anything
/// reads a setting, so every options class sees an old key under its new name. Each old key met is logged once, as
/// the host starts.
/// </summary>
public static class RenamedSettingsSetup
{
    public static IHostApplicationBuilder AddRenamedSettings(this IHostApplicationBuilder builder)
    {
        var old = RenamedSettings.Find(builder.Configuration);
        if (old.Values.Count > 0) builder.Configuration.AddInMemoryCollection(old.Values);
        builder.Services.AddSingleton(old);
        builder.Services.AddHostedService<DeprecatedSettingsLog>();
        return builder;
    }
}

/// <summary>Says, once per process start, which settings still go by an old name.</summary>
internal sealed partial class DeprecatedSettingsLog(OldSettings old, ILogger<DeprecatedSettingsLog> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var setting in old.Met)
        {
            if (setting.Overridden) LogOverridden(logger, setting.OldKey, setting.NewKey);
            else LogDeprecated(logger, setting.OldKey, setting.NewKey);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "Setting {OldKey} is deprecated and was read as {NewKey}: rename it")]
    private static partial void LogDeprecated(ILogger logger, string oldKey, string newKey);

    [LoggerMessage(LogLevel.Warning, "Setting {OldKey} is deprecated and ignored: {NewKey} is set and wins")]
    private static partial void LogOverridden(ILogger logger, string oldKey, string newKey);
}
