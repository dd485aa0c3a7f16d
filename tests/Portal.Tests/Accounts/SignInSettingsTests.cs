using ContainerNetLib.Portal.Features.Accounts.SingleSignOn;
using Microsoft.Extensions.Configuration;

namespace ContainerNetLib.Portal.Tests.Accounts;

public class SignInSettingsTests
{
    private static readonly Dictionary<string, string?> Provider = new()
    {
        ["Authentication:Oidc:Authority"] = "https://id.example.org/realms/team",
        ["Authentication:Oidc:ClientId"] = "portal",
    };

    [Theory]
    [InlineData("Authentication:Oidc:Authority", "id.example.org", "Authentication:Oidc:Authority 'id.example.org' is not an http(s) URL")]
    [InlineData("Authentication:Oidc:Authority", "http://id.example.org", "Authentication:Oidc:Authority 'http://id.example.org' must be https")]
    [InlineData("Authentication:Oidc:ClientId", " ", "Authentication:Oidc:ClientId is missing")]
    [InlineData("Authentication:Oidc:ClientSecret", "abc def", "Authentication:Oidc:ClientSecret contains spaces or line breaks")]
    [InlineData("Authentication:Oidc:Scopes", "profile email", "Authentication:Oidc:Scopes 'profile email' must include openid")]
    [InlineData("Authentication:Oidc:RoleClaim", "", "Authentication:Oidc:RoleClaim is empty")]
    [InlineData("Authentication:Oidc:EditorGroups:0", " ", "Authentication:Oidc:EditorGroups has an empty group name")]
    [InlineData("Authentication:Oidc:DisplayName", "", "Authentication:Oidc:DisplayName is empty")]
    public void A_bad_provider_setting_gets_one_line_naming_it(string key, string value, string expected)
    {
        // Otherwise: single sign-on fails at the first person's sign-in, with a stack trace instead of the setting's name.
        var failure = Assert.Single(Failures(new(Provider) { [key] = value }));
        Assert.StartsWith(expected, failure);
        Assert.DoesNotContain("abc def", failure);
    }

    [Theory]
    [InlineData("Authentication:AutoRedirect", "true", "Authentication:AutoRedirect needs Authentication:Oidc:Authority")]
    [InlineData("Authentication:LocalAccounts", "false", "Authentication:LocalAccounts=false needs Authentication:Oidc:Authority")]
    [InlineData("Authentication:Oidc:ClientId", "portal", "Authentication:Oidc:ClientId is set but Authentication:Oidc:Authority is not")]
    public void Settings_that_need_a_provider_are_refused_without_one(string key, string value, string expected)
    {
        // Otherwise: nobody can sign in at all, or a misspelt Authority leaves single sign-on silently off.
        Assert.StartsWith(expected, Assert.Single(Failures(new() { [key] = value })));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/realms/team", null)]
    [InlineData("http://localhost:8080", null)]
    [InlineData("http://keycloak:8080/realms/team", "false")]
    public void A_provider_on_this_machine_or_an_explicit_choice_may_use_http(string authority, string? requireHttps)
    {
        // Otherwise: a developer cannot try single sign-on against a provider on their own machine.
        Assert.Empty(Failures(new(Provider)
        {
            ["Authentication:Oidc:Authority"] = authority,
            ["Authentication:Oidc:RequireHttpsMetadata"] = requireHttps,
        }));
    }

    [Fact]
    public void The_defaults_need_no_provider_and_keep_passwords()
    {
        // Otherwise: an existing installation stops starting, or loses its password sign-in, after an upgrade.
        Assert.Empty(Failures([]));
        var settings = Bind([]);
        Assert.True(settings.LocalAccounts);
        Assert.False(settings.SingleSignOn);
        Assert.Equal(["openid", "profile", "email"], settings.Oidc.ScopeList);
        Assert.Equal("groups", settings.Oidc.RoleClaim);
    }

    private static SignInSettings Bind(Dictionary<string, string?> values)
    {
        var settings = new SignInSettings();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(SignInSettings.Section).Bind(settings);
        return settings;
    }

    private static IEnumerable<string> Failures(Dictionary<string, string?> values) =>
        new SignInSettingsValidator().Validate(null, Bind(values)).Failures ?? [];
}
