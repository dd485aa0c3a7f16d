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
        return Enum.TryParse<ProcessRole>(value, ignoreCase: true, out var role) && Enum.IsDefined(role)
            ? role
            : throw new ConfigurationException($"Portal:Role (or --role) '{value}' is not one of all, web, worker");
    }

    public static bool RunsJobs(this ProcessRole role) => role is ProcessRole.All or ProcessRole.Worker;
}

/// <summary>A setting the process cannot start with; the message names it and is all an operator sees.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
