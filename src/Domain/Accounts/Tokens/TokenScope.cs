namespace ContainerNetLib.Domain.Accounts.Tokens;

/// <summary>What a token may do at most; its owner's current role may allow less.</summary>
public enum TokenScope
{
    Read,
    Write,
}

public static class TokenScopes
{
    /// <summary>"read" or "write" in any case; null for anything else.</summary>
    public static TokenScope? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "read" => TokenScope.Read,
        "write" => TokenScope.Write,
        _ => null,
    };

    public static string Name(this TokenScope scope) => scope == TokenScope.Write ? "write" : "read";
}
