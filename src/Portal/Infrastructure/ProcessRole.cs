namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// What this process does: <c>all</c> (pages and jobs, the default), <c>web</c> (pages only, for
/// replicas behind a load balancer) or <c>worker</c> (Hangfire jobs only, no pages; any number of
/// workers share the work through PostgreSQL). From <c>--role</c> or the setting Portal:Role.
/// </summary>
public enum ProcessRole
{
    All,
    Web,
    Worker,
}

public static class ProcessRoles
{
    public static ProcessRole Read(IConfiguration configuration)
    {
        var value = configuration["role"] ?? configuration["Portal:Role"] ?? "all";
        return ConfigurationException.Choice<ProcessRole>("Portal:Role (or --role)", value, "all, web, worker");
    }

    public static bool RunsJobs(this ProcessRole role) => role is ProcessRole.All or ProcessRole.Worker;
}

/// <summary>A setting the process cannot start with; the message names it and is all an operator sees.</summary>
public sealed class ConfigurationException(string message) : Exception(message)
{
    /// <summary>A setting that names one of an enum's values (any case), or a one-line refusal listing them.</summary>
    public static T Choice<T>(string setting, string value, string choices) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var chosen) && Enum.IsDefined(chosen)
            ? chosen
            : throw new ConfigurationException($"{setting} '{value}' is not one of {choices}");
}
