namespace OomaPorting.Web.Features.Api;

/// <summary>
/// The wizard's answers in one body: every part is optional, and the parts given are applied in the wizard's order
/// (type, carrier, carrier account, numbers, holder and address), each by the wizard's own command, so the API checks
/// exactly what the pages check. Used to create a draft in one call or to fill it step by step.
/// </summary>
/// <param name="NumberType">fixed or mobile.</param>
/// <param name="Numbers">The numbers, each with its RIO where one is needed (the main line of a carrier account, every mobile).</param>
/// <param name="Range">A block of consecutive numbers (SDA), added to <paramref name="Numbers"/>: at most 1,000.</param>
/// <param name="Holder">The account holder as the carrier knows them; sent with <paramref name="Address"/>.</param>
/// <param name="Address">The service address; sent with <paramref name="Holder"/>.</param>
public sealed record ApiDraft(
    NumberType? NumberType = null,
    ApiDraft.CarrierPart? Carrier = null,
    ApiDraft.CarrierAccountPart? CarrierAccount = null,
    IReadOnlyList<ApiDraft.NumberPart>? Numbers = null,
    ApiDraft.RangePart? Range = null,
    ApiDraft.HolderPart? Holder = null,
    ApiDraft.AddressPart? Address = null)
{
    /// <param name="Code">A carrier code of the portal's carrier step (F0 Orange, F1 SFR, F3 Free, F4 Bouygues Telecom, … for fixed numbers), or AUTRE.</param>
    /// <param name="OtherName">The carrier's name when the code is other.</param>
    public sealed record CarrierPart(string? Code, string? OtherName = null);

    /// <param name="SharedLine">For ADSL/VDSL only: does the internet share the phone line (no, yes, dontKnow)?</param>
    /// <param name="LinesSeparated">For a shared line: the customer confirms the internet line was separated first.</param>
    /// <param name="Internet">For a fixed line: fibre, adslVdsl, cable, mobile4G5G, satellite or other (not asked for a mobile line).</param>
    public sealed record CarrierAccountPart(string? AccountNumber, InternetConnection? Internet = null, SharedLineAnswer? SharedLine = null,
        bool LinesSeparated = false);

    /// <param name="Number">Any common French or E.164 form.</param>
    public sealed record NumberPart(string? Number, string? Rio = null);

    public sealed record RangePart(string? From, string? To);

    public sealed record HolderPart(string? FirstName, string? LastName, string? CompanyName = null, string? Siret = null);

    public sealed record AddressPart(string? Street, string? PostalCode, string? City, string? Complement = null);

    public bool IsEmpty => NumberType is null && Carrier is null && CarrierAccount is null && Numbers is null && Range is null && Holder is null
        && Address is null;
}
