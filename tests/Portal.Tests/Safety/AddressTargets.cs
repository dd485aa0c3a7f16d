using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.Safety;

/// <summary>An address the portal answers: its route template, the values it reads from the path, query and form.</summary>
public sealed record AddressTarget(string Template, IReadOnlyList<string> RouteValues, IReadOnlyList<string> QueryValues,
    IReadOnlyList<string> FormValues, bool AcceptsPost)
{
    /// <summary>
    /// Every address of the running app: the endpoint data source (minimal APIs with their parameters, Razor pages),
    /// and the Razor components found by reflection with their route and [SupplyParameterFromQuery] parameters.
    /// Static files are left out: they read no values.
    /// </summary>
    public static IReadOnlyList<AddressTarget> Of(IServiceProvider services)
    {
        var targets = new Dictionary<string, AddressTarget>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null) continue;
            var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var parameters = (endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? []).Where(p => IsValue(p.ParameterType)).ToList();
            var form = parameters.Where(p => p.GetCustomAttribute<FromFormAttribute>() is not null).Select(p => p.Name!).ToList();
            var query = parameters.Select(p => p.Name!).Except(route, StringComparer.OrdinalIgnoreCase).Except(form).ToList();
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            Merge(targets, new AddressTarget(Normalize(endpoint.RoutePattern.RawText ?? "/"), route, query, form, methods.Contains("POST")));
        }
        foreach (var component in typeof(Program).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t)))
        {
            var properties = component.GetProperties(BindingFlags.Public | BindingFlags.Instance);
            var query = properties.Select(p => p.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } q ? q.Name ?? p.Name : null)
                .OfType<string>().ToList();
            foreach (var route in component.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>())
            {
                var names = Regex.Matches(route.Template, @"\{\**([^:}?]+)").Select(m => m.Groups[1].Value).ToList();
                Merge(targets, new AddressTarget(Normalize(route.Template), names, query, [], AcceptsPost: true));
            }
        }
        return [.. targets.Values.OrderBy(t => t.Template, StringComparer.Ordinal)];
    }

    /// <summary>The template with each {parameter} replaced by its value (already encoded for a path).</summary>
    public string Fill(Func<string, string> value) => Regex.Replace(Template, @"\{\**([^:}?]+)[^}]*\}", m => value(m.Groups[1].Value));

    public override string ToString() => $"{Template} (route: {string.Join(", ", RouteValues)}; query: {string.Join(", ", QueryValues)})";

    private static void Merge(Dictionary<string, AddressTarget> targets, AddressTarget target) =>
        targets[target.Template] = targets.TryGetValue(target.Template, out var known)
            ? new AddressTarget(target.Template, Union(known.RouteValues, target.RouteValues), Union(known.QueryValues, target.QueryValues),
                Union(known.FormValues, target.FormValues), known.AcceptsPost || target.AcceptsPost)
            : target;

    private static List<string> Union(IReadOnlyList<string> a, IReadOnlyList<string> b) => [.. a.Union(b, StringComparer.OrdinalIgnoreCase)];

    private static string Normalize(string template) => "/" + template.TrimStart('/');

    private static bool IsValue(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t.IsEnum;
    }
}
