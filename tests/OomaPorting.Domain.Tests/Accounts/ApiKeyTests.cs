using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Common;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Accounts;

public class ApiKeyTests
{
    private static readonly Guid AccountId = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static (ApiKey Key, string Secret) NewKey(ApiKeyRole role = ApiKeyRole.ReadWrite, DateOnly? expiresOn = null, int active = 0) =>
        ApiKey.Issue(AccountId, "  ERP Dupont  ", role, expiresOn, expiresOn is { } d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
            Admin, active, Today, Now);

    [Fact]
    public void A_new_key_keeps_only_the_hash_of_its_secret_and_shows_its_prefix()
    {
        var (key, secret) = NewKey();
        Assert.StartsWith("ooma_" + key.Prefix + "_", secret, StringComparison.Ordinal);
        Assert.Equal(ApiKey.PrefixLength, key.Prefix.Length);
        Assert.Equal("ERP Dupont", key.Name);
        Assert.Equal(32, key.SecretHash.Length);
        Assert.DoesNotContain(secret[(ApiKey.Scheme.Length + ApiKey.PrefixLength + 1)..], key.Hint, StringComparison.Ordinal);
        Assert.Equal("ooma_" + key.Prefix + "…", key.Hint);
        Assert.True(key.Matches(secret));
        Assert.False(key.Matches(secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A')));
        Assert.Equal(key.Prefix, ApiKey.PrefixOf(secret));
        Assert.Equal(AccountId, key.AccountId);
        Assert.Equal(Admin.UserId, key.CreatedByUserId);
    }

    [Fact]
    public void Two_keys_never_share_a_prefix_or_a_secret()
    {
        var keys = Enumerable.Range(0, 200).Select(_ => NewKey()).ToList();
        Assert.Equal(200, keys.Select(k => k.Key.Prefix).Distinct().Count());
        Assert.Equal(200, keys.Select(k => k.Secret).Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer ooma_")]
    [InlineData("ooma_abc_def")]
    [InlineData("sk_live_0123456789012345678901234567890123456789012345678901234567")]
    [InlineData("ooma_ABCDEFGHIJKL_0123456789012345678901234567890123456789012345")]
    [InlineData("ooma_abcdefghijk0_0123456789012345678901234567890123456789012345")]
    [InlineData("ooma_abcdefghijkm-0123456789012345678901234567890123456789012345")]
    public void Anything_not_shaped_like_a_key_has_no_prefix(string? presented) => Assert.Null(ApiKey.PrefixOf(presented));

    [Fact]
    public void Only_an_admin_of_the_account_makes_a_key()
    {
        Assert.Equal("ApiKey.NotAllowed", Assert.Throws<DomainException>(() =>
            ApiKey.Issue(AccountId, "x", ApiKeyRole.Read, null, null, User, 0, Today, Now)).Code);
        Assert.Equal("ApiKey.NotAllowed", Assert.Throws<DomainException>(() =>
            ApiKey.Issue(AccountId, "x", ApiKeyRole.Read, null, null, Support, 0, Today, Now)).Code);
    }

    [Theory]
    [InlineData(null, "ApiKey.Name.Required")]
    [InlineData("   ", "ApiKey.Name.Required")]
    [InlineData("ERP\u202Eevil", "ApiKey.Name.InvalidCharacters")]
    public void A_key_needs_a_plain_name(string? name, string code)
    {
        Assert.Equal(code, ApiKey.CheckName(name));
        Assert.Equal(code, Assert.Throws<DomainException>(() => ApiKey.Issue(AccountId, name, ApiKeyRole.Read, null, null, Admin, 0, Today, Now)).Code);
        Assert.Equal("ApiKey.Name.TooLong", ApiKey.CheckName(new string('a', ApiKey.MaxNameLength + 1)));
        Assert.Null(ApiKey.CheckName(new string('a', ApiKey.MaxNameLength)));
    }

    [Fact]
    public void The_expiry_is_after_today_and_within_two_years()
    {
        Assert.Null(ApiKey.CheckExpiry(null, Today));
        Assert.Equal("ApiKey.Expiry.Past", ApiKey.CheckExpiry(Today, Today));
        Assert.Equal("ApiKey.Expiry.Past", ApiKey.CheckExpiry(Today.AddDays(-1), Today));
        Assert.Null(ApiKey.CheckExpiry(Today.AddDays(1), Today));
        Assert.Null(ApiKey.CheckExpiry(Today.AddDays(ApiKey.MaxExpiryDays), Today));
        Assert.Equal("ApiKey.Expiry.TooFar", ApiKey.CheckExpiry(Today.AddDays(ApiKey.MaxExpiryDays + 1), Today));
        Assert.Equal("ApiKey.Expiry.Past", Assert.Throws<DomainException>(() => NewKey(expiresOn: Today)).Code);
    }

    [Fact]
    public void A_key_works_until_it_expires_or_is_revoked()
    {
        var (key, _) = NewKey(expiresOn: Today.AddDays(30));
        var expiry = key.ExpiresAtUtc!.Value;
        Assert.True(key.IsActive(expiry.AddTicks(-1)));
        Assert.False(key.IsActive(expiry));
        Assert.True(key.IsExpired(expiry));

        var (other, _) = NewKey();
        Assert.True(other.IsActive(Now.AddYears(10)));
        other.Revoke(Admin, Now);
        Assert.False(other.IsActive(Now));
        Assert.Equal("Admin", other.RevokedBy);
        Assert.Equal("ApiKey.AlreadyRevoked", Assert.Throws<DomainException>(() => other.Revoke(Support, Now)).Code);
    }

    [Fact]
    public void Support_may_revoke_a_key_but_a_user_may_not()
    {
        var (key, _) = NewKey();
        Assert.Equal("ApiKey.NotAllowed", Assert.Throws<DomainException>(() => key.Revoke(User, Now)).Code);
        Assert.False(key.IsRevoked);
        key.Revoke(Support, Now);
        Assert.True(key.IsRevoked);
    }

    [Fact]
    public void An_account_holds_at_most_twenty_active_keys()
    {
        NewKey(active: ApiKey.MaxActivePerAccount - 1);
        Assert.Equal("ApiKey.TooMany", Assert.Throws<DomainException>(() => NewKey(active: ApiKey.MaxActivePerAccount)).Code);
    }

    [Fact]
    public void A_use_is_written_at_most_once_a_minute()
    {
        var (key, _) = NewKey();
        Assert.True(key.RecordUse(Now));
        Assert.False(key.RecordUse(Now.AddSeconds(59)));
        Assert.Equal(Now, key.LastUsedAtUtc);
        Assert.True(key.RecordUse(Now.AddMinutes(1)));
        Assert.Equal(Now.AddMinutes(1), key.LastUsedAtUtc);
    }

    [Fact]
    public void Only_a_read_write_key_writes()
    {
        Assert.True(NewKey(ApiKeyRole.ReadWrite).Key.CanWrite);
        Assert.False(NewKey(ApiKeyRole.Read).Key.CanWrite);
        Assert.Equal("ApiKey.Role.Required", Assert.Throws<DomainException>(() => NewKey((ApiKeyRole)7)).Code);
    }
}
