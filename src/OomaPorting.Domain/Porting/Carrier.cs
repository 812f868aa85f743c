using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;

namespace OomaPorting.Domain.Porting;

/// <summary>A losing carrier: its RIO prefix (allocated by the regulator) and its name.</summary>
public sealed record Carrier(string Code, string Name, NumberType Serves)
{
    /// <summary>The code used for "Autre": the customer types the carrier's name.</summary>
    public const string OtherCode = "AUTRE";

    public const int MaxOtherNameLength = 100;

    internal const string OtherNameField = "Carrier.OtherName";

    /// <summary>Fixed-line carriers with their RIO prefixes (docs/domain.md, "Carriers").</summary>
    public static IReadOnlyList<Carrier> FixedLine { get; } =
    [
        new("F0", "Orange", NumberType.Fixed),
        new("F1", "SFR", NumberType.Fixed),
        new("F2", "Completel", NumberType.Fixed),
        new("F3", "Free", NumberType.Fixed),
        new("F4", "Bouygues Telecom", NumberType.Fixed),
        new("F5", "Colt", NumberType.Fixed),
        new("F6", "OVH", NumberType.Fixed),
        new("F7", "Verizon France", NumberType.Fixed),
        new("F8", "SFR Fibre", NumberType.Fixed),
        new("FT", "BT France", NumberType.Fixed),
        new("GM", "Hub One", NumberType.Fixed),
        new("GZ", "Free Pro", NumberType.Fixed),
        new("HY", "Paritel", NumberType.Fixed),
        new("HZ", "Keyyo", NumberType.Fixed),
        new("I7", "Adista", NumberType.Fixed),
        new("I9", "Sewan", NumberType.Fixed),
        new("IG", "Aircall", NumberType.Fixed),
        new("IR", "RingCentral France", NumberType.Fixed),
        new("JG", "Orange Business", NumberType.Fixed),
        new("KH", "Nfon France", NumberType.Fixed),
        new("L8", "8x8", NumberType.Fixed),
        new("LI", "Zoom", NumberType.Fixed),
        new("HJ", "Nordnet", NumberType.Fixed),
        new("GX", "Unyc", NumberType.Fixed),
        new("HD", "Canal+ Telecom", NumberType.Fixed),
        new("HG", "Coriolis", NumberType.Fixed),
    ];

    /// <summary>The four mobile networks, coded as in a mobile RIO.</summary>
    public static IReadOnlyList<Carrier> Mobile { get; } =
    [
        new("01", "Orange", NumberType.Mobile),
        new("02", "SFR", NumberType.Mobile),
        new("03", "Bouygues Telecom", NumberType.Mobile),
        new("04", "Free Mobile", NumberType.Mobile),
    ];

    public static IReadOnlyList<Carrier> For(NumberType type) => type == NumberType.Mobile ? Mobile : FixedLine;

    /// <summary>The name shown for a chosen carrier: the list's name, or the name typed for "Autre"; null when not chosen.</summary>
    public static string? DisplayName(NumberType? type, string? code, string? otherName) =>
        code == OtherCode ? otherName : type is { } t ? Find(t, code)?.Name : null;

    /// <summary>Why <paramref name="name"/> cannot be the name typed for "Autre" (a stable code), or null.</summary>
    public static string? CheckOtherName(string? name) =>
        DomainText.Problem(name, OtherNameField, MaxOtherNameLength) ?? DomainText.UnprintableProblem(name, OtherNameField);

    public static Carrier? Find(NumberType type, string? code) =>
        For(type).FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));
}
