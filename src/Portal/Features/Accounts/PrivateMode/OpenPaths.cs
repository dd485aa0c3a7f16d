using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.StaticAssets;

namespace ContainerNetLib.Portal.Features.Accounts.PrivateMode;

/// <summary>
/// What stays open to anonymous requests in private mode: the static files (every asset MapStaticAssets serves:
/// styles, scripts, icons; none holds the list) and the endpoints marked <c>AllowAnonymous</c> (the sign-in pages,
/// and the health and metrics endpoints, which keep their own rules). Everything else, including addresses no
/// endpoint answers, needs an account.
/// </summary>
public sealed class OpenPaths(EndpointDataSource endpoints)
{
    private HashSet<string>? _open;

    public bool Contains(PathString path)
    {
        // Endpoints are all mapped before the first request; two first requests at once build the same set.
        var open = _open ??= Collect();
        var value = path.Value is { Length: > 1 } text ? text.TrimEnd('/') : "/";
        return open.Contains(value);
    }

    private HashSet<string> Collect()
    {
        var open = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern;
            // Only whole addresses: an open route with parameters would open more than one page.
            if (route.Parameters.Count > 0 || route.RawText is null) continue;
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
                || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
                open.Add("/" + route.RawText.Trim('/'));
        }
        return open;
    }
}
