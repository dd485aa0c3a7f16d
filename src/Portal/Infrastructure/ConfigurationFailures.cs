using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ContainerNetLib.Portal.Infrastructure;

/// <summary>The settings at fault in a start-up failure, each once; empty when the failure is something else.</summary>
public static class ConfigurationFailures
{
    public static IReadOnlyList<string> Of(Exception e) => e switch
    {
        ConfigurationException => [e.Message],
        OptionsValidationException validation => validation.Failures.Distinct().ToList(),
        // Several options classes failing at once (or one failing through another that reads it).
        AggregateException aggregate when aggregate.InnerExceptions.All(i => Of(i).Count > 0) =>
            aggregate.InnerExceptions.SelectMany(Of).Distinct().ToList(),
        // A value the binder cannot read as its type ("lots" for a number) fails before any validator runs; the
        // binder's message names the setting and the value.
        InvalidOperationException when e.TargetSite?.DeclaringType == typeof(ConfigurationBinder) => [e.Message],
        _ => [],
    };
}
