using System.Security.Cryptography;
using System.Text;
using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// The 6-digit code e-mailed to the signer before a request is submitted: typing it back proves the person signing
/// controls the admin's mailbox. Valid <see cref="ValidMinutes"/> minutes, <see cref="MaxAttempts"/> attempts; a new
/// code replaces the previous one, at most <see cref="MaxSendsPerHour"/> an hour and not twice within
/// <see cref="ResendAfterSeconds"/> seconds. Only a salted hash of the code is kept. The signature it confirms waits
/// with it (<see cref="PendingSignature"/>) and is applied when the code is typed back.
/// </summary>
public sealed class SignatureCode
{
    public const int Digits = 6;
    public const int ValidMinutes = 10;
    public const int MaxAttempts = 5;
    public const int MaxSendsPerHour = 5;
    public const int ResendAfterSeconds = 60;

    private SignatureCode()
    {
        UserId = string.Empty;
        Email = string.Empty;
        CodeHash = string.Empty;
        Salt = string.Empty;
        PendingSignature = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PortRequestId { get; private set; }

    public Guid AccountId { get; private set; }

    /// <summary>The signer: the signed-in admin the code was sent to.</summary>
    public string UserId { get; private set; }

    public string Email { get; private set; }

    public string CodeHash { get; private set; }

    public string Salt { get; private set; }

    public DateTime SentAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? ConfirmedAtUtc { get; private set; }

    /// <summary>The request's version when the code was sent: a request changed since must be checked and signed again.</summary>
    public int RequestVersion { get; private set; }

    /// <summary>The signature form as it was filled (the portal's serialised command), applied once the code is confirmed.</summary>
    public string PendingSignature { get; private set; }

    /// <summary>
    /// Why a new code cannot be sent now, given when the previous ones were sent to this signer for this request
    /// (<c>SignatureCode.TooSoon</c>, <c>SignatureCode.TooMany</c>), or null.
    /// </summary>
    public static string? CheckCanSend(IEnumerable<DateTime> previousSendsUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(previousSendsUtc);
        var recent = previousSendsUtc.Where(t => nowUtc - t < TimeSpan.FromHours(1)).ToList();
        if (recent.Any(t => nowUtc - t < TimeSpan.FromSeconds(ResendAfterSeconds)))
        {
            return "SignatureCode.TooSoon";
        }

        return recent.Count >= MaxSendsPerHour ? "SignatureCode.TooMany" : null;
    }

    /// <summary>
    /// A new code for <paramref name="request"/>: the entity to store and the code to e-mail (never stored).
    /// <paramref name="requestVersion"/> is the version of the request the signer saw and signed (a new code for the same
    /// waiting signature keeps the first one's).
    /// </summary>
    public static (SignatureCode Code, string Clear) Issue(PortRequest request, int requestVersion, string userId, string email, string pendingSignature,
        IEnumerable<DateTime> previousSendsUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status is not (PortRequestStatus.Draft or PortRequestStatus.ActionRequired))
        {
            throw new DomainException("Status.Invalid", "Only a draft or a request to fix is signed.");
        }

        if (CheckCanSend(previousSendsUtc, nowUtc) is { } problem)
        {
            throw new DomainException(problem, "A new code cannot be sent now.");
        }

        var clear = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var code = new SignatureCode
        {
            Id = Guid.CreateVersion7(nowUtc),
            PortRequestId = request.Id,
            AccountId = request.AccountId,
            UserId = userId,
            Email = email,
            Salt = salt,
            CodeHash = Hash(salt, clear),
            SentAtUtc = nowUtc,
            ExpiresAtUtc = nowUtc.AddMinutes(ValidMinutes),
            RequestVersion = requestVersion,
            PendingSignature = pendingSignature,
        };
        return (code, clear);
    }

    /// <summary>
    /// Whether this code, sent moments ago and still open, can carry a signature posted again (a double click, or a
    /// change made straight after): the signer gets no second e-mail and types the code already on its way.
    /// </summary>
    public bool CanCarryAgain(DateTime nowUtc) =>
        ConfirmedAtUtc is null && Attempts < MaxAttempts && nowUtc - SentAtUtc < TimeSpan.FromSeconds(ResendAfterSeconds);

    /// <summary>The signature posted again replaces the one waiting (see <see cref="CanCarryAgain"/>).</summary>
    public void CarryAgain(string pendingSignature, int requestVersion, DateTime nowUtc)
    {
        if (!CanCarryAgain(nowUtc))
        {
            throw new DomainException("SignatureCode.TooSoon", "This code can no longer carry a new signature.");
        }

        PendingSignature = pendingSignature;
        RequestVersion = requestVersion;
    }

    /// <summary>Checks a typed code and counts the attempt (the caller stores the count whatever the answer).</summary>
    public SignatureCodeCheck Check(string? typed, DateTime nowUtc)
    {
        if (ConfirmedAtUtc is not null)
        {
            return SignatureCodeCheck.Used;
        }

        if (Attempts >= MaxAttempts)
        {
            return SignatureCodeCheck.Locked;
        }

        if (nowUtc >= ExpiresAtUtc)
        {
            return SignatureCodeCheck.Expired;
        }

        Attempts++;
        var compact = new string((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
        var given = Encoding.ASCII.GetBytes(Hash(Salt, compact));
        if (compact.Length == Digits && CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(CodeHash)))
        {
            ConfirmedAtUtc = nowUtc;
            return SignatureCodeCheck.Confirmed;
        }

        return Attempts >= MaxAttempts ? SignatureCodeCheck.Locked : SignatureCodeCheck.Wrong;
    }

    /// <summary>What the mandate records of this confirmation.</summary>
    public SignerConfirmation Confirmation =>
        ConfirmedAtUtc is { } at
            ? new SignerConfirmation(SignerConfirmation.EmailCodeMethod, Email, at)
            : throw new InvalidOperationException("The code is not confirmed.");

    private static string Hash(string salt, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + ":" + code)));
}
