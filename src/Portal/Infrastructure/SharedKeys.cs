using System.Xml.Linq;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Domain.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>
/// Data Protection keys live in PostgreSQL (table data_protection_keys), so a sign-in cookie or an
/// antiforgery token made by one portal instance is read by every other, and survives restarts and
/// new containers. Without this each instance keeps its own keys and editors are signed out whenever
/// the load balancer picks another instance.
/// </summary>
public static class SharedKeys
{
    public static IHostApplicationBuilder AddSharedDataProtectionKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("ContainerNetLib");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IDbContextFactory<PortalDbContext>>((options,
                databases) => options.XmlRepository = new PostgresXmlRepository(databases));
        return builder;
    }

    private sealed class PostgresXmlRepository(IDbContextFactory<PortalDbContext> databases) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var db = databases.CreateDbContext();
            return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k =>
                k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var db = databases.CreateDbContext();
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName,
                Xml = element.ToString(SaveOptions.DisableFormatting) });
            db.SaveChanges();
        }
    }
}
