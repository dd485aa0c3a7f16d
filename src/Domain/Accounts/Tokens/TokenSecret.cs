using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ContainerNetLib.Domain.Accounts.Tokens;

/// <summary>
/// A token's text: <c>cnl_{id}_{secret}</c>, the secret 256 random bits in base64url. The id finds the row; the
/// secret's SHA-256 is compared with the stored one in constant time. A plain hash is enough (no slow KDF):
/// 256 random bits cannot be guessed, only stolen.
/// </summary>
public static class TokenSecret
{
    public const string Prefix = "cnl_";
    private const int SecretBytes = 32;
    private const int SecretLength = 43; // base64url of 32 bytes, unpadded

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));

    public static string Format(long id, string secret, string prefix = Prefix) =>
        $"{prefix}{id.ToString(CultureInfo.InvariantCulture)}_{secret}";

    /// <summary>Splits a presented token (or, with its own prefix, a feed key); false for anything not shaped like
    /// one (never throws).</summary>
    public static bool TryParse(string? token, out long id, out string secret, string prefix = Prefix)
    {
        id = 0;
        secret = "";
        if (token is null || !token.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = token.AsSpan(prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator is <= 0 or > 18) return false;
        if (!long.TryParse(rest[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out id) || id <= 0)
            return false;
        var tail = rest[(separator + 1)..];
        if (tail.Length != SecretLength || !Base64Url.IsValid(tail)) return false;
        secret = tail.ToString();
        return true;
    }

    public static bool Matches(string secret, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);
}
