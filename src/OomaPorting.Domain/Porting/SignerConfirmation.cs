namespace OomaPorting.Domain.Porting;

/// <summary>How the signer proved who they are before signing: a code e-mailed to <paramref name="Email"/> and typed back at <paramref name="AtUtc"/>.</summary>
public sealed record SignerConfirmation(string Method, string Email, DateTime AtUtc)
{
    public const string EmailCodeMethod = "email-code";

    public static SignerConfirmation ByEmailCode(string email, DateTime atUtc) => new(EmailCodeMethod, email, atUtc);

    public override string ToString() => $"{Method} | {Email} | {Mandate.Format(AtUtc)}";
}
