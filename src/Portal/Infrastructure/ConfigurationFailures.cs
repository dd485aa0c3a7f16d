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
        _ => [],
    };
}
