using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>The settings at fault in a start-up failure, each once; empty when the failure is something else.</summary>
public static partial class ConfigurationFailures
{
    public static IReadOnlyList<string> Of(Exception e) => e switch
    {
        ConfigurationException => [e.Message],
        OptionsValidationException validation => validation.Failures.Distinct().ToList(),
        // Several options classes failing at once (or one failing through another that reads it).
        AggregateException aggregate when aggregate.InnerExceptions.All(i => Of(i).Count > 0) =>
            aggregate.InnerExceptions.SelectMany(Of).Distinct().ToList(),
        // A value the binder could not read as its type ("lots" for a number) fails before any validator runs.
        InvalidOperationException when Unconvertible().Match(e.Message) is { Success: true } m =>
            [$"{m.Groups["path"].Value} '{m.Groups["value"].Value}' is not {Kind(m.Groups["type"].Value)}"],
        _ => [],
    };

    private static string Kind(string type) => type switch
    {
        "System.Int32" or "System.Int64" or "System.Int16" => "a whole number",
        "System.Double" or "System.Single" or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a time span (hh:mm:ss)",
        _ when type.StartsWith("ContainerNetLib.", StringComparison.Ordinal) =>
            $"one of {string.Join(", ", EnumNames(type))}",
        _ => $"a valid {type}",
    };

    private static IEnumerable<string> EnumNames(string type) =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(type)).FirstOrDefault(t => t is { IsEnum: true })
            is { } found ? Enum.GetNames(found) : ["the documented values"];

    [GeneratedRegex(
        "^Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex Unconvertible();
}
