namespace OomaPorting.Domain.Porting;

/// <summary>What a mandate seals: the answers and the terms as one canonical text, and whether they still match it.</summary>
public sealed partial class PortRequest
{
    /// <summary>The answers and the terms, one fact per line, in a fixed order: the text a mandate hashes.</summary>
    internal string CanonicalMandateText(string signerName, SignerCapacity? capacity, SignerConfirmation? confirmation, DateTime signedAtUtc, PortingTerms terms)
    {
        var b = new System.Text.StringBuilder();
        b.Append("ooma-porting-mandate/2\n");
        b.Append("request: ").Append(Id).Append('\n');
        b.Append("reference: ").Append(Reference).Append('\n');
        b.Append("account: ").Append(AccountId).Append('\n');
        b.Append("number-type: ").Append(NumberType).Append('\n');
        b.Append("carrier: ").Append(CarrierCode).Append(" | ").Append(CarrierDisplayName).Append('\n');
        b.Append("carrier-account: ").Append(CarrierAccountNumber?.Value).Append('\n');
        b.Append("internet: ").Append(InternetConnection).Append(" | shared-line: ").Append(SharedLine)
            .Append(" | separated: ").Append(LinesSeparatedConfirmed ? "yes" : "no").Append('\n');
        foreach (var line in _lines.OrderBy(l => l.Position))
        {
            b.Append("line ").Append(line.Position).Append(": ").Append(line.Number.E164).Append(" | rio: ").Append(line.Rio?.Value).Append('\n');
        }

        b.Append("holder: ").Append(AccountHolder?.FirstName).Append(" | ").Append(AccountHolder?.LastName)
            .Append(" | company: ").Append(AccountHolder?.CompanyName).Append(" | siret: ").Append(AccountHolder?.Siret?.Value).Append('\n');
        b.Append("address: ").Append(ServiceAddress?.Street).Append(" | ").Append(ServiceAddress?.Complement).Append(" | ")
            .Append(ServiceAddress?.PostalCode).Append(" | ").Append(ServiceAddress?.City).Append('\n');
        b.Append("main-number: ").Append(MainOomaNumber?.E164 ?? "keep-current").Append('\n');
        b.Append("keep-temporary-number: ").Append(KeepTemporaryNumber ? "yes" : "no").Append('\n');
        b.Append("signer: ").Append(signerName).Append('\n');
        b.Append("signer-capacity: ").Append(capacity).Append('\n');
        b.Append("signer-confirmation: ").Append(confirmation).Append('\n');
        b.Append("signed-at: ").Append(Mandate.Format(signedAtUtc)).Append('\n');
        b.Append("terms-version: ").Append(terms.Version).Append('\n');
        b.Append("terms:\n").Append(terms.Text.Replace("\r\n", "\n", StringComparison.Ordinal)).Append('\n');
        return b.ToString();
    }

    /// <summary>True when the mandate in force still describes the answers as they are now.</summary>
    public bool AnswersMatchMandate(PortingTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (_mandates.Count == 0 || SignerName is null || SignedAtUtc is null)
        {
            return false;
        }

        var current = _mandates[^1];
        return Mandate.Hash(CanonicalMandateText(SignerName, current.SignerCapacity, current.Confirmation, SignedAtUtc.Value, terms)) == current.Sha256;
    }
}
