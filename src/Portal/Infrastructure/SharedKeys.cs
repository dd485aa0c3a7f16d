using ContainerNetLib.Domain.Data;
using Microsoft.AspNetCore.DataProtection;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// Data Protection keys live in PostgreSQL (table data_protection_keys, through the framework's own EF Core store),
/// so a sign-in cookie or an antiforgery token made by one portal instance is read by every other, and survives
/// restarts and new containers. Without this each instance keeps its own keys and editors are signed out whenever
/// the load balancer picks another instance.
/// </summary>
public static class SharedKeys
{
    public static IHostApplicationBuilder AddSharedDataProtectionKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("ContainerNetLib")
            .PersistKeysToDbContext<PortalDbContext>();
        return builder;
    }
}
