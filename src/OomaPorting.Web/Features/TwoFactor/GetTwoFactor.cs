using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Identity;
using QRCoder;

namespace OomaPorting.Web.Features.TwoFactor;

/// <summary>
/// The two-factor page: when it is off, the key to add to an authenticator app (as text and as a QR code drawn by the
/// portal itself); when it is on, how many recovery codes are left. The key is made the first time the page is shown
/// and kept until two-factor is turned on, so a reload shows the same one.
/// </summary>
public static class GetTwoFactor
{
    public sealed record Query : IQuery<Status>;

    /// <param name="QrCodePng">The <c>otpauth://</c> address as a PNG QR code, base64; null when two-factor is on.</param>
    public sealed record Status(bool Enabled, bool Required, int RecoveryCodesLeft, string? GroupedKey, string? QrCodePng);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, IUserStore<AppUser> store, ICurrentActor current)
        : IQueryHandler<Query, Status>
    {
        public async ValueTask<Status> Handle(Query query, CancellationToken cancellationToken)
        {
            var (user, required) = await TwoFactorAccount.CurrentWithRequirementAsync(db, current, cancellationToken);
            if (user.TwoFactorEnabled)
            {
                return new Status(true, required, await users.CountRecoveryCodesAsync(user), null, null);
            }

            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                // Not UserManager.ResetAuthenticatorKeyAsync: it renews the security stamp, which would end this very session.
                key = users.GenerateNewAuthenticatorKey();
                await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, cancellationToken);
                (await users.UpdateAsync(user)).EnsureSucceeded("Two-factor set-up");
            }

            return new Status(false, required, 0, AuthenticatorCodes.Grouped(key), QrCode(AuthenticatorCodes.Uri(user.Email!, key)));
        }
    }

    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }
}
