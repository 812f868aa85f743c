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
    public static PortRequest FocConfirmed(Guid accountId, int i, string referencePrefix, DateTime nowUtc, DateOnly focDate) =>
        new PortRequestBuilder(accountId, Admin, nowUtc)
            .Carrier("F1").CarrierAccount("SFR-1234")
            .Lines(($"02 99 {i / 100 % 100:D2} {i % 100:D2} {i / 10000 % 100:D2}", "F1A123456"))
            .Address("1 rue", "35000", "Rennes").Holder("A", "B")
            .FocConfirmed($"{referencePrefix}-{i:D6}", Support, focDate, BusinessCalendar.France);

    /// <summary>A submitted request with its documents checked by support (an hour after submission unless told): one ready for the carrier.</summary>
    public static PortRequest Checked(this PortRequest request, DateTime? atUtc = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.CheckDocuments(Support, atUtc ?? request.SubmittedAtUtc!.Value.AddHours(1));
        return request;
    }
}
