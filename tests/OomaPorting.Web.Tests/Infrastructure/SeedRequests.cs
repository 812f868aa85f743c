using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>Port requests built through the domain's own methods, for tests that need many of them at once.</summary>
public static class SeedRequests
{
    private static readonly Actor Admin = new("seed-admin", ActorRole.AccountAdmin, "A");
    private static readonly Actor Support = new("seed-support", ActorRole.Support, "S");

    /// <summary>A submitted request with one line, dated <paramref name="focDate"/> by support at <paramref name="nowUtc"/>.</summary>
    public static PortRequest FocConfirmed(Guid accountId, int i, string referencePrefix, DateTime nowUtc, DateOnly focDate)
    {
        var terms = PortingTermsText.Current(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
        var r = PortRequest.StartDraft(Guid.NewGuid(), accountId, Admin, nowUtc);
        r.ChooseNumberType(Admin, NumberType.Fixed, true, nowUtc);
        r.ChooseCarrier(Admin, "F1", null, nowUtc);
        r.EnterAccount(Admin, CarrierAccountNumber.Parse("SFR-1234"), InternetConnection.Fibre, null, nowUtc);
        var n = FrenchNumber.Parse($"02 99 {i / 100 % 100:D2} {i % 100:D2} {i / 10000 % 100:D2}");
        r.SetLines(Admin, [new LineInput(n, Rio.Parse("F1A123456" + Rio.ComputeKey("F1A123456", n)))], nowUtc);
        r.EnterServiceAddressAndHolder(Admin, ServiceAddress.Create("1 rue", null, "35000", "Rennes"), AccountHolder.Create("A", "B"), nowUtc);
        r.ChooseMainNumber(Admin, n, false, false, nowUtc);
        r.Submit(Admin, new SignatureInput("A B", true, null, null, null), terms, $"{referencePrefix}-{i:D6}", nowUtc);
        r.SetFocDate(Support, focDate, BusinessCalendar.France, nowUtc);
        return r;
    }
}
