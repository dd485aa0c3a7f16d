using ContainerNetLib.Portal.Features.Accounts.Tokens;

namespace ContainerNetLib.Portal.Features.Suggestions;

/// <summary>Members suggest links; editors review them.</summary>
public static class SuggestionSetup
{
    public static WebApplicationBuilder AddSuggestions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SuggestionOptions>().Bind(builder.Configuration.GetSection(SuggestionOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SuggestionNotifier>();
        services.AddSingleton<SuggestionIntake>();
        services.AddSingleton<SuggestionReview>();
        // Any token of any member: a suggestion changes nothing readers see. Bearer only, like the write API.
        services.AddAuthorizationBuilder().AddPolicy(SuggestionApi.Policy, policy => policy
            .AddAuthenticationSchemes(BearerTokenHandler.SchemeName)
            .RequireAuthenticatedUser());
        return builder;
    }

    public static IEndpointRouteBuilder MapSuggestions(this IEndpointRouteBuilder app)
    {
        app.MapSuggestionApi();
        return app;
    }
}
