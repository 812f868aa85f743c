using System.Security.Cryptography;
using System.Text;
using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Accounts;

/// <summary>
/// A key an account admin gives an integrator's tool: it acts as its account through the API (never as support, never
/// across accounts), with a <see cref="Role"/>, until it expires or is revoked. The secret is shown once, when the key
/// is made (<see cref="Issue"/>); only its SHA-256 is kept, beside a public <see cref="Prefix"/> that finds the row and
/// lets people recognise the key ("ooma_3f7k2m9x…"). A key is 256 random bits: a plain hash is enough (nothing to
/// guess), and the hashes are compared in constant time (<see cref="Matches"/>).
/// </summary>
public sealed class ApiKey
{
    public const int MaxNameLength = 80;

    /// <summary>Keys an account may hold at once (not revoked, not expired).</summary>
    public const int MaxActivePerAccount = 20;

    /// <summary>The longest an expiry may be set ahead (two years): a key for ever is a key nobody remembers.</summary>
    public const int MaxExpiryDays = 731;

    /// <summary>What every key starts with, so a leaked one is recognised by secret scanners and people.</summary>
    public const string Scheme = "ooma_";

    public const int PrefixLength = 12;

    /// <summary>How often the last use is written at most: a busy key does not turn every read into a write.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    private const string PrefixAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private ApiKey()
    {
        Name = string.Empty;
        Prefix = string.Empty;
        SecretHash = [];
        CreatedByUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public string Name { get; private set; }

    public ApiKeyRole Role { get; private set; }

    /// <summary>The key's public part after <see cref="Scheme"/>: unique, shown in lists, used to find the row.</summary>
    public string Prefix { get; private set; }

    /// <summary>SHA-256 of the whole key as given to the integrator.</summary>
    public byte[] SecretHash { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTime? ExpiresAtUtc { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    public string? RevokedBy { get; private set; }

    public DateTime? LastUsedAtUtc { get; private set; }

    /// <summary>What people see of a key: its scheme and prefix, never the secret.</summary>
    public string Hint => Scheme + Prefix + "…";

    public bool IsRevoked => RevokedAtUtc is not null;

    public bool IsExpired(DateTime nowUtc) => ExpiresAtUtc is { } expiry && expiry <= nowUtc;

    /// <summary>Whether the key may be used now: neither revoked nor expired.</summary>
    public bool IsActive(DateTime nowUtc) => !IsRevoked && !IsExpired(nowUtc);

    public bool CanWrite => Role == ApiKeyRole.ReadWrite;

    /// <summary>Why this name cannot be a key's name (<c>ApiKey.Name.Required</c>, <c>.TooLong</c>, <c>.InvalidCharacters</c>), or null.</summary>
    public static string? CheckName(string? name) => DomainText.Problem(name, "ApiKey.Name", MaxNameLength);

    /// <summary>
    /// Why a key cannot expire on <paramref name="expiresOn"/> (a date in France, the key ends at its midnight):
    /// <c>ApiKey.Expiry.Past</c> for today or before, <c>ApiKey.Expiry.TooFar</c> past <see cref="MaxExpiryDays"/>; null
    /// for none.
    /// </summary>
    public static string? CheckExpiry(DateOnly? expiresOn, DateOnly today) => expiresOn switch
    {
        null => null,
        { } d when d <= today => "ApiKey.Expiry.Past",
        { } d when d > today.AddDays(MaxExpiryDays) => "ApiKey.Expiry.TooFar",
        _ => null,
    };

    /// <summary>
    /// A new key for <paramref name="accountId"/>, made by an admin of that account: the row to store and the whole key to
    /// show once (never stored). <paramref name="activeKeys"/> is how many active keys the account holds now.
    /// <paramref name="expiresAtUtc"/> is the instant the key stops working (the caller turns the admin's date into it).
    /// </summary>
    public static (ApiKey Key, string Secret) Issue(Guid accountId, string? name, ApiKeyRole role, DateOnly? expiresOn, DateTime? expiresAtUtc,
        Actor actor, int activeKeys, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCustomerAdmin)
        {
            throw new DomainException("ApiKey.NotAllowed", "Only an admin of the account makes its API keys.");
        }

        if (!Enum.IsDefined(role))
        {
            throw new DomainException("ApiKey.Role.Required", "An API key is read-only or read-write.");
        }

        if (CheckExpiry(expiresOn, today) is { } expiryProblem)
        {
            throw new DomainException(expiryProblem, "The expiry date of an API key must be after today and within two years.");
        }

        if (activeKeys >= MaxActivePerAccount)
        {
            throw new DomainException("ApiKey.TooMany", $"An account holds at most {MaxActivePerAccount} active API keys.");
        }

        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        var secret = Scheme + prefix + "_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            Name = DomainText.Clean(name, "ApiKey.Name", MaxNameLength),
            Role = role,
            Prefix = prefix,
            SecretHash = Hash(secret),
            CreatedAtUtc = nowUtc,
            CreatedByUserId = actor.UserId,
            ExpiresAtUtc = expiresOn is null ? null : expiresAtUtc,
        };
        return (key, secret);
    }

    /// <summary>
    /// The prefix of a key as presented in a request, when it has a key's shape (<c>ooma_</c>, 12 characters, <c>_</c>,
    /// the secret); null otherwise, so a malformed key never reaches the database.
    /// </summary>
    public static string? PrefixOf(string? presented)
    {
        if (presented is null || presented.Length is < 60 or > 80 || !presented.StartsWith(Scheme, StringComparison.Ordinal)
            || presented[Scheme.Length + PrefixLength] != '_')
        {
            return null;
        }

        var prefix = presented.Substring(Scheme.Length, PrefixLength);
        return prefix.All(c => PrefixAlphabet.Contains(c, StringComparison.Ordinal)) ? prefix : null;
    }

    /// <summary>Whether <paramref name="presented"/> is this key (constant-time comparison of the hashes).</summary>
    public bool Matches(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        return CryptographicOperations.FixedTimeEquals(Hash(presented), SecretHash);
    }

    /// <summary>Revokes the key for good (an admin of its account, or support); a second revocation is refused.</summary>
    public void Revoke(Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCustomerAdmin && !actor.IsSupport)
        {
            throw new DomainException("ApiKey.NotAllowed", "Only an admin of the account or support revokes an API key.");
        }

        if (IsRevoked)
        {
            throw new DomainException("ApiKey.AlreadyRevoked", "This API key is already revoked.");
        }

        RevokedAtUtc = nowUtc;
        RevokedBy = actor.DisplayName;
    }

    /// <summary>Notes a use at <paramref name="nowUtc"/>; false (nothing to save) within <see cref="LastUseResolution"/> of the last one.</summary>
    public bool RecordUse(DateTime nowUtc)
    {
        if (LastUsedAtUtc is { } last && nowUtc - last < LastUseResolution)
        {
            return false;
        }

        LastUsedAtUtc = nowUtc;
        return true;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
