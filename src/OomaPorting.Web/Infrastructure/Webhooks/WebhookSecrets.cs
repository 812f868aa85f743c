using Microsoft.AspNetCore.DataProtection;

namespace OomaPorting.Web.Infrastructure.Webhooks;

/// <summary>
/// Encrypts an endpoint's signing secret for the database and decrypts it to sign, with the portal's data-protection
/// keys (shared by every instance through the database): a copy of the database alone does not give the secrets away.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("OomaPorting.Webhooks.Secret.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string cipher) => protector.Unprotect(cipher);
}
