using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerNetLib.Portal.Tests.Safety;

/// <summary>An address the portal answers: its route template and the values it reads from path, query, form.</summary>
public sealed record AddressTarget(
    string Template, IReadOnlyList<string> RouteValues, IReadOnlyList<string> QueryValues,
    IReadOnlyList<string> FormValues, bool AcceptsPost)
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    /// <summary>
    /// Every address of the running app: the endpoint data source (minimal APIs with their parameters, Razor
    /// pages), and the Razor components found by reflection with their route and [SupplyParameterFromQuery]
    /// parameters. Static files are left out: they read no values.
    /// </summary>
    public static IReadOnlyList<AddressTarget> Of(IServiceProvider services)
    {
        var targets = new Dictionary<string, AddressTarget>(Names);
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null))
        {
            var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var handler = endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [];
            var values = handler.Where(p => IsValue(p.ParameterType)).ToList();
            var form = values.Where(p => p.GetCustomAttribute<FromFormAttribute>() is not null)
                .Select(p => p.Name!).ToList();
            var query = values.Select(p => p.Name!).Except(route, Names).Except(form).ToList();
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var template = Normalize(endpoint.RoutePattern.RawText ?? "/");
            Merge(targets, new AddressTarget(template, route, query, form, methods.Contains("POST")));
        }
        var components = typeof(Program).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t));
        foreach (var component in components)
        {
            var query = component.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => p.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } q
                    ? q.Name ?? p.Name
                    : null)
                .OfType<string>().ToList();
            foreach (var route in component.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>())
            {
                var names = Parameter.Matches(route.Template).Select(m => m.Groups[1].Value).ToList();
                Merge(targets, new AddressTarget(Normalize(route.Template), names, query, [], AcceptsPost: true));
            }
        }
        return [.. targets.Values.OrderBy(t => t.Template, StringComparer.Ordinal)];
    }

    /// <summary>The template with each {parameter} replaced by its value (already encoded for a path).</summary>
    public string Fill(Func<string, string> value) => Parameter.Replace(Template, m => value(m.Groups[1].Value));

    public override string ToString() =>
        $"{Template} (route: {string.Join(", ", RouteValues)}; query: {string.Join(", ", QueryValues)})";

    private static void Merge(Dictionary<string, AddressTarget> targets, AddressTarget target) =>
        targets[target.Template] = targets.TryGetValue(target.Template, out var known)
            ? new AddressTarget(target.Template,
                Union(known.RouteValues, target.RouteValues), Union(known.QueryValues, target.QueryValues),
                Union(known.FormValues, target.FormValues), known.AcceptsPost || target.AcceptsPost)
            : target;

    private static List<string> Union(IReadOnlyList<string> a, IReadOnlyList<string> b) => [.. a.Union(b, Names)];

    private static string Normalize(string template) => "/" + template.TrimStart('/');

    private static bool IsValue(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid)
            || t == typeof(DateTimeOffset) || t == typeof(DateOnly);
    }

    /// <summary>A {parameter} of a template; its name without catch-all stars, constraints or default.</summary>
    private static readonly Regex Parameter = new(@"\{\**([^:}?=]+)[^}]*\}");
}
