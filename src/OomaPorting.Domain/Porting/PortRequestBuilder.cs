using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// Fills a port request through the aggregate's own methods, with a valid default for every answer the wizard asks:
/// the one place where demo data, the load generator and the tests make a request "as an admin would". A new required
/// answer gets its default here, and every caller keeps working.
/// </summary>
/// <example><code>
/// var r = new PortRequestBuilder(accountId, admin, now).Carrier("F1").Lines(("01 45 00 00 00", "F1A123456")).Submit("POR-2026-000001");
/// </code></example>
public sealed class PortRequestBuilder(Guid accountId, Actor admin, DateTime atUtc)
{
    private Guid _id = Guid.NewGuid();
    private NumberType _type = NumberType.Fixed;
    private string _carrier = "F0";
    private string? _carrierOtherName;
    private string _carrierAccount = "FT-000001";
    private InternetConnection _internet = InternetConnection.Fibre;
    private SharedLineAnswer? _sharedLine;
    private (string Number, string? RioStart)[] _lines = [("01 40 00 00 00", "F0X123456")];
    private (string Street, string PostalCode, string City) _address = ("1 rue de la Paix", "75002", "Paris");
    /// <summary>A valid SIRET for a company holder when the test does not name one.</summary>
    public const string DefaultSiret = "44351209800015";

    private (string First, string Last, string? Company, string? Siret) _holder = ("Jeanne", "Martin", null, null);
    private string? _mainNumber;
    private bool _keepTemporaryNumber;
    private bool _accountHasOwnMainNumber;
    private (string FileName, byte[] Content)? _bill = ("facture-operateur.pdf", SampleBillPdf);

    /// <summary>
    /// A small valid PDF standing for a carrier's bill: what the builder attaches to a fixed-number request unless told
    /// otherwise. Callers that keep files (demo data, the load generator) store these bytes under the document's id.
    /// </summary>
    public static byte[] SampleBillPdf { get; } = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n" +
        "4 0 obj<</Length 38>>stream\nBT /F1 24 Tf 72 760 Td (Facture) Tj ET\nendstream endobj\n" +
        "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>The terms signed when <see cref="Submit"/> is given none: the current French text.</summary>
    public static PortingTerms DefaultTerms { get; } = PortingTermsText.Current(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    public PortRequestBuilder WithId(Guid id)
    {
        _id = id;
        return this;
    }

    public PortRequestBuilder Mobile()
    {
        _type = NumberType.Mobile;
        _carrier = "01";
        return this;
    }

    /// <summary>A carrier code of <see cref="Porting.Carrier"/>, or <see cref="Porting.Carrier.OtherCode"/> with its name.</summary>
    public PortRequestBuilder Carrier(string code, string? otherName = null)
    {
        _carrier = code;
        _carrierOtherName = otherName;
        return this;
    }

    public PortRequestBuilder CarrierAccount(string accountNumber, InternetConnection internet = InternetConnection.Fibre, SharedLineAnswer? sharedLine = null)
    {
        _carrierAccount = accountNumber;
        _internet = internet;
        _sharedLine = sharedLine;
        return this;
    }

    /// <summary>The numbers, the first being the main line; each RIO is given by its first nine characters and gets its true key.</summary>
    public PortRequestBuilder Lines(params (string Number, string? RioStart)[] lines)
    {
        _lines = lines;
        return this;
    }

    public PortRequestBuilder Address(string street, string postalCode, string city)
    {
        _address = (street, postalCode, city);
        return this;
    }

    public PortRequestBuilder Holder(string firstName, string lastName, string? companyName = null, string? siret = null)
    {
        _holder = (firstName, lastName, companyName, companyName is null ? null : siret ?? DefaultSiret);
        return this;
    }

    /// <summary>Which ported number becomes the account's main number (the first line by default).</summary>
    public PortRequestBuilder MainNumber(string? number, bool keepTemporaryNumber = false, bool accountHasOwnMainNumber = false)
    {
        _mainNumber = number;
        _keepTemporaryNumber = keepTemporaryNumber;
        _accountHasOwnMainNumber = accountHasOwnMainNumber;
        return this;
    }

    /// <summary>The bill attached to a fixed-number request (<see cref="SampleBillPdf"/> by default); null attaches none.</summary>
    public PortRequestBuilder Bill(string? fileName, byte[]? content = null)
    {
        _bill = fileName is null ? null : (fileName, content ?? SampleBillPdf);
        return this;
    }

    /// <summary>A draft with every section answered, ready to be signed.</summary>
    public PortRequest Draft()
    {
        var r = PortRequest.StartDraft(_id, accountId, admin, atUtc);
        r.ChooseNumberType(admin, _type, acceptMobileNumbers: true, atUtc);
        r.ChooseCarrier(admin, _carrier, _carrierOtherName, atUtc);
        r.EnterCarrierAccount(admin, CarrierAccountNumber.Parse(_carrierAccount), _internet, _sharedLine, atUtc);
        r.SetLines(admin, [.. _lines.Select(l =>
        {
            var number = FrenchNumber.Parse(l.Number);
            return new LineInput(number, l.RioStart is null ? null : Rio.Parse(l.RioStart + Rio.ComputeKey(l.RioStart, number)));
        })], atUtc);
        r.EnterServiceAddressAndHolder(admin, ServiceAddress.Create(_address.Street, null, _address.PostalCode, _address.City),
            AccountHolder.Create(_holder.First, _holder.Last, _holder.Company, _holder.Siret), atUtc);
        var main = _mainNumber is null ? r.Lines[0].Number : FrenchNumber.Parse(_mainNumber);
        r.ChooseMainNumber(admin, main, _keepTemporaryNumber, _accountHasOwnMainNumber, atUtc);
        if (_type == NumberType.Fixed && _bill is { } bill)
        {
            r.AttachDocument(admin, Guid.CreateVersion7(atUtc), DocumentKind.CarrierBill, bill.FileName, SupportingDocument.Pdf,
                bill.Content.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bill.Content)), atUtc);
        }

        return r;
    }

    /// <summary>The draft, signed by the holder and submitted under <paramref name="reference"/>.</summary>
    public PortRequest Submit(string reference, DateTime? submittedAtUtc = null, PortingTerms? terms = null, SignatureInput? signature = null)
    {
        var r = Draft();
        r.Submit(admin, signature ?? new SignatureInput($"{_holder.First} {_holder.Last}", TermsAccepted: true, null, null, null, SignerCapacity.Manager, AuthorityConfirmed: true,
            SignerConfirmation.ByEmailCode("signataire@exemple.fr", atUtc)),
            terms ?? DefaultTerms, reference, submittedAtUtc ?? atUtc);
        return r;
    }

    /// <summary>Submitted, then its documents checked by <paramref name="support"/>, then dated by <paramref name="support"/> for <paramref name="focDate"/>.</summary>
    public PortRequest FocConfirmed(string reference, Actor support, DateOnly focDate, BusinessCalendar calendar, DateTime? datedAtUtc = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var r = Submit(reference);
        r.CheckDocuments(support, datedAtUtc ?? atUtc);
        r.SetFocDate(support, focDate, calendar, datedAtUtc ?? atUtc);
        return r;
    }
}
