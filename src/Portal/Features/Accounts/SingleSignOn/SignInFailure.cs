using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ContainerNetLib.Portal.Features.Accounts.SingleSignOn;

/// <summary>
/// Why a sign-in through the provider ended without an account, as one word for the failure page's address and
/// the log. The log names the reason, the exception's type and the provider's error code: never its message,
/// which can quote what the provider sent.
/// </summary>
public static partial class SignInFailure
{
    public const string Denied = "denied";
    public const string Stale = "stale";
    public const string Untrusted = "untrusted";
    public const string Unavailable = "unavailable";
    public const string Refused = "refused";
    public const string EmailTaken = "email-taken";
    public const string LockedOut = "locked-out";
    public const string Other = "other";

    public static string Of(Exception? failure) => failure switch
    {
        _ when failure?.Data["error"] is "access_denied" or "consent_required" or "login_required" => Denied,
        // The answer matched no sign-in started here: replayed, opened twice, or the cookies expired meanwhile.
        AuthenticationFailureException or OpenIdConnectProtocolInvalidNonceException
            or OpenIdConnectProtocolInvalidStateException => Stale,
        SecurityTokenException or OpenIdConnectProtocolException => Untrusted,
        HttpRequestException
            or InvalidOperationException { InnerException: HttpRequestException or IOException } => Unavailable,
        _ => Other,
    };

    public static string PageFor(string reason) =>
        $"{SingleSignOnSetup.FailedPath}?reason={Uri.EscapeDataString(reason)}";

    public static void Log(ILogger log, string reason, Exception? failure) =>
        Failed(log, reason, failure?.GetType().Name ?? "none", failure?.Data["error"] as string ?? "none");

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Single sign-on refused: {Reason} ({FailureType}, provider error {ProviderError})")]
    private static partial void Failed(ILogger log, string reason, string failureType, string providerError);
}
