namespace ContainerNetLib.Portal.Infrastructure.Logging;

/// <summary>
/// How log lines reach the console: <c>Text</c>, readable lines for a person at a terminal
/// (scripts/run.sh, Development), or <c>Json</c>, one compact JSON event a line for a log shipper
/// (containers and production, the default outside Development). The setting Portal:LogFormat.
/// </summary>
public enum LogFormat
{
    Text,
    Json,
}

public static class LogFormats
{
    public const string Setting = "Portal:LogFormat";

    public static LogFormat Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value)) return environment.IsDevelopment() ? LogFormat.Text : LogFormat.Json;
        return Enum.TryParse<LogFormat>(value, ignoreCase: true, out var format) && Enum.IsDefined(format)
            ? format
            : throw new ConfigurationException($"{Setting} '{value}' is not one of Text, Json");
    }
}
