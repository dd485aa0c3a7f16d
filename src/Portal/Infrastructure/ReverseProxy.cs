using ContainerNetLib.Domain.Urls;
using ContainerNetLib.Portal.Infrastructure.Health;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>Behind a reverse proxy (TLS ends there): which proxies to believe, and where HTTPS is.</summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string Section = "ReverseProxy";

    /// <summary>Networks (CIDR) of the proxies whose X-Forwarded-For/-Proto/-Host are believed. None by default,
    /// and loopback is not implied: from any other client those headers change nothing. A blank entry (an unset
    /// variable in the compose file) names none.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>The public HTTPS port plain-HTTP requests are redirected to; none (the default) redirects
    /// nothing.</summary>
    [Range(1, 65535, ErrorMessage = "ReverseProxy:HttpsPort must be a port number (1-65535)")]
    public int? HttpsPort { get; set; }

    /// <summary>The named networks, read.</summary>
    public IReadOnlyList<IPNetwork> Networks() => NetworkList.Parse(KnownNetworks);

    public IEnumerable<ValidationResult> Validate(ValidationContext context) =>
        NetworkList.Problems($"{Section}:{nameof(KnownNetworks)}", KnownNetworks)
            .Select(problem => new ValidationResult(problem));
}

public static class ReverseProxy
{
    public static WebApplicationBuilder AddReverseProxySupport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReverseProxyOptions>()
            .Bind(builder.Configuration.GetSection(ReverseProxyOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded,
            proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto |
                ForwardedHeaders.XForwardedHost;
            // The framework believes loopback by default; here only the named networks are.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in proxy.Value.Networks()) forwarded.KnownIPNetworks.Add(network);
        });
        builder.Services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<ReverseProxyOptions>>((https,
            proxy) => https.HttpsPort = proxy.Value.HttpsPort);
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        builder.AddPublicAddress();
        return builder;
    }

    /// <summary>
    /// First in the pipeline: the client's address, scheme and host as a named proxy saw them. With no proxy named
    /// the middleware is left out, as it would believe everyone when given no networks. A connection without an
    /// address (a Unix socket, the test host) is no named proxy either.
    /// </summary>
    public static WebApplication UseForwardedHeadersFromKnownProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.Networks().Count == 0) return app;
        app.UseWhen(context => context.Connection.RemoteIpAddress is not null,
            branch => branch.UseForwardedHeaders());
        return app;
    }

    /// <summary>
    /// Outside Development, HSTS and a redirect to HTTPS (when its port is configured) — but never for health
    /// checks and metrics scrapes, which come over plain HTTP from inside the network. Without a port the redirect
    /// is left out, rather than warn on every start that it cannot find one. The scheme is the request's, or the
    /// named proxy's X-Forwarded-Proto.
    /// </summary>
    public static WebApplication UseHttpsOutsideDevelopment(this WebApplication app)
    {
        if (app.Environment.IsDevelopment()) return app;
        app.UseHsts();
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.HttpsPort is null) return app;
        app.UseWhen(context => !IsProbe(context.Request),
            branch => branch.UseHttpsRedirection());
        return app;
    }

    /// <summary>Health checks and metrics scrapes, which come from inside the network under whatever name it
    /// uses.</summary>
    public static bool IsProbe(HttpRequest request) =>
        request.Path.StartsWithSegments(HealthEndpoints.Path) || request.Path.StartsWithSegments(Metrics.Path);
}
