using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>
/// The authenticator-app codes (TOTP, RFC 6238: 6 digits, 30 seconds, SHA-1, as every authenticator app computes them),
/// plugged into Identity as its authenticator token provider, so sign-in, lockout and recovery codes stay Identity's
/// own. Two things differ from Identity's built-in provider (ADR-008): the time comes from <see cref="TimeProvider"/>
/// (testable, and one clock for the whole portal), and a code is accepted once only: the time step it matched must be
/// later than the last one accepted for this user, recorded by a conditional update so two instances cannot both
/// accept it. One step of drift either way is allowed (a phone's clock 30 seconds off).
/// </summary>
public sealed class AuthenticatorCodes(AppDbContext db, TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    public const int Digits = 6;
    public const string Issuer = "OomaPorting";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>The app computes the codes; the portal never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var code = Normalize(token);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (code is null || string.IsNullOrEmpty(key))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key), totpSize: Digits);
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }

        // Accepted only if no code of this step or a later one was accepted before: one conditional update decides.
        var claimed = await db.Users.Where(u => u.Id == user.Id && u.AuthenticatorLastStep < step)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.AuthenticatorLastStep, step));
        return claimed == 1;
    }

    /// <summary>The code a user typed, without spaces; null unless it is <see cref="Digits"/> digits.</summary>
    public static string? Normalize(string? typed)
    {
        var code = new string((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        return code.Length == Digits && code.All(char.IsAsciiDigit) ? code : null;
    }

    /// <summary>The <c>otpauth://</c> address an authenticator app reads from the QR code.</summary>
    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits={Digits}";

    /// <summary>The key in groups of four, as people copy it into an app.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4)))));

    /// <summary>The current code for <paramref name="key"/>: what an authenticator app shows (demo scripts, tests).</summary>
    public static string Compute(string key, DateTime utc) => new Totp(Base32Encoding.ToBytes(key), totpSize: Digits).ComputeTotp(utc);
}
