using System.Globalization;
using ContainerNetLib.Domain.Data;
using ContainerNetLib.Portal.Infrastructure.Compression;
using Microsoft.EntityFrameworkCore;

namespace ContainerNetLib.Portal.Features.Api.Writes;

/// <summary>
/// An entry's version (PostgreSQL's xmin) as an ETag, <c>"123"</c>: what GET /api/entries/{id} sends and
/// PATCH expects back in If-Match.
/// </summary>
public static class EntryVersion
{
    public static string ETag(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The version named by If-Match; also in the forms the compression gives an ETag (<c>W/"123-br"</c>), which
    /// name the same entry. Null when the header is missing or names no version.
    /// </summary>
    public static uint? Parse(string? ifMatch)
    {
        var text = ifMatch?.Trim() ?? "";
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        if (text.Length < 3 || text[0] != '"' || text[^1] != '"') return null;
        text = text[1..^1];
        foreach (var encoding in EncodedETag.Encodings)
            if (text.EndsWith("-" + encoding, StringComparison.Ordinal)) text = text[..^(encoding.Length + 1)];
        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    /// <summary>Adds the entry's version as ETag to a successful GET of one entry.</summary>
    public static RouteHandlerBuilder WithEntryVersionETag(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter(async (context, next) =>
    {
        var result = await next(context);
        if (context.Arguments.OfType<long>().FirstOrDefault() is var id and > 0)
        {
            var services = context.HttpContext.RequestServices;
            // A reader's read: retried through a database restart like the entry it tags.
            await using var db =
                services.GetRequiredService<Infrastructure.Database.RetryingDatabase>().CreateDbContext();
            var version = await db.Entries.Where(e => e.Id == id).Select(e => (uint?)e.Version).SingleOrDefaultAsync();
            if (version is { } v) context.HttpContext.Response.Headers.ETag = ETag(v);
        }
        return result;
    });
}
