using ContainerNetLib.Domain.Urls;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>The names the portal answers to, and the address it writes into absolute links.</summary>
public sealed class PublicAddressOptions : IValidatableObject
{
    public const string Section = "Portal";

    /// <summary>Host names the portal answers (list.example.org, *.example.org); any other gets 400. None (the
    /// default) answers any name, as a portal on a laptop or in the tests must; a blank entry names none.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>The portal's public address (https://list.example.org). When set, canonical links, cards, feeds,
    /// sign-in redirects and the single sign-on callback are built from it, whatever name the request used.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>The public address, or null when none is configured.</summary>
    public Uri? PublicUri => Address(PublicUrl);

    /// <summary>The allowed names as the framework's host matcher takes them.</summary>
    public IList<StringSegment> HostPatterns() => Named().Select(h => new StringSegment(h)).ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!string.IsNullOrWhiteSpace(PublicUrl) && PublicUri is null)
            yield return new ValidationResult($"{Section}:PublicUrl '{PublicUrl}' is not an http(s) address without " +
                "a path, such as https://list.example.org");
        foreach (var host in Named().Where(h => !IsHostPattern(h)))
            yield return new ValidationResult($"{Section}:AllowedHosts has '{host}', which is not a host name " +
                "such as list.example.org or *.example.org");
    }

    /// <summary>An absolute http(s) address of a site's root: no path (the portal is not served under one), query,
    /// fragment or user name.</summary>
    private static Uri? Address(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri)
        && UrlNormalizer.IsWebAddress(uri)
        && uri.AbsolutePath == "/" && uri.Query == "" && uri.Fragment == "" && uri.UserInfo == ""
            ? uri : null;

    private IEnumerable<string> Named() => AllowedHosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim());

    private static bool IsHostPattern(string pattern)
    {
        var host = pattern;
        if (host.StartsWith("*.", StringComparison.Ordinal)) host = host[2..];
        return Uri.CheckHostName(host) != UriHostNameType.Unknown;
    }
}

public static class PublicAddress
{
    public static WebApplicationBuilder AddPublicAddress(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicAddressOptions>()
            .Bind(builder.Configuration.GetSection(PublicAddressOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    /// <summary>
    /// With Portal:PublicUrl set, every request carries its scheme and host from here on, as the forwarded-headers
    /// middleware does from a proxy's word: whatever builds an absolute address from the request (Blazor's base
    /// address, the sign-in redirect, the single sign-on callback, the feeds) builds the public one. After the
    /// allowed-name check and the HTTPS redirect, which want the name and scheme the client used.
    /// </summary>
    public static WebApplication UsePublicAddress(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<PublicAddressOptions>>().Value.PublicUri is not { } address)
            return app;
        // Its authority leaves out a default port, which the host string of the address would spell out.
        var host = HostString.FromUriComponent(address.Authority);
        app.Use((context, next) =>
        {
            context.Request.Scheme = address.Scheme;
            context.Request.Host = host;
            return next(context);
        });
        return app;
    }
}
