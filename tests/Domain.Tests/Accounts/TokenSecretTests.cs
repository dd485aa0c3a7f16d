using ContainerNetLib.Domain.Accounts.Tokens;
using CsCheck;

namespace ContainerNetLib.Domain.Tests.Accounts;

public class TokenSecretTests
{
    [Fact]
    public void A_made_token_reads_back_as_its_id_and_secret_and_matches_only_its_own_hash()
    {
        // Otherwise: a token shown to its owner is refused when they use it, or another token's secret opens it.
        var secret = TokenSecret.NewSecret();
        var token = TokenSecret.Format(42, secret);
        Assert.True(TokenSecret.TryParse(token, out var id, out var read));
        Assert.Equal(42, id);
        Assert.Equal(secret, read);
        Assert.True(TokenSecret.Matches(read, TokenSecret.Hash(secret)));
        Assert.False(TokenSecret.Matches(TokenSecret.NewSecret(), TokenSecret.Hash(secret)));
    }

    [Fact]
    public void Secrets_are_256_random_bits_and_the_stored_hash_is_not_the_secret()
    {
        // Otherwise: a copy of the database (a backup) hands out working tokens, or two tokens share a secret.
        var secrets = Enumerable.Range(0, 1000).Select(_ => TokenSecret.NewSecret()).ToList();
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
        Assert.All(secrets, s => Assert.Equal(32, Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/') + "=").Length));
        Assert.DoesNotContain(secrets[0], Convert.ToBase64String(TokenSecret.Hash(secrets[0])));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cnl_")]
    [InlineData("cnl_1_")]
    [InlineData("cnl__AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cnl_0_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cnl_-1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cnl_99999999999999999999_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cnl_1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cnl_1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cnl_1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("CNL_1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData(" cnl_1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Malformed_tokens_are_refused_without_an_exception(string? token)
    {
        // Otherwise: a mistyped token answers 500, or something that is not a token reaches the database.
        Assert.False(TokenSecret.TryParse(token, out _, out _));
    }

    [Fact]
    public void Random_text_never_parses_as_a_token_with_a_matching_secret()
    {
        // Otherwise: some text other than the token itself opens it.
        var stored = TokenSecret.Hash(TokenSecret.NewSecret());
        Gen.String.Sample(text =>
            !TokenSecret.TryParse(text, out _, out var secret) || !TokenSecret.Matches(secret, stored), iter: 10_000);
        Gen.String[43, 43].Sample(tail =>
            !TokenSecret.TryParse("cnl_1_" + tail, out _, out var secret) || !TokenSecret.Matches(secret, stored), iter: 10_000);
    }

    [Theory]
    [InlineData("", 30, "Give the token a name")]
    [InlineData("deploy", 0, "must be in the future")]
    [InlineData("deploy", 400, "at most one year")]
    public void A_token_needs_a_name_and_a_lifetime_of_at_most_a_year(string name, int days, string expected)
    {
        // Otherwise: nameless tokens nobody can tell apart, or tokens that never end.
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Contains(expected, ApiTokens.Problem(name, now.AddDays(days), now));
        Assert.Null(ApiTokens.Problem("deploy", now.AddDays(365), now));
    }
}
