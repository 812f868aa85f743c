using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;

namespace OomaPorting.Domain.Tests.Porting;

/// <summary>Drives a request through its real methods (the domain's <see cref="PortRequestBuilder"/>) into any state.</summary>
internal static class TestRequests
{
    public static readonly Actor Admin = new("admin-1", ActorRole.AccountAdmin, "Admin");
    public static readonly Actor User = new("user-1", ActorRole.AccountUser, "Employé");
    public static readonly Actor Support = new("support-1", ActorRole.Support, "Support");
    public static readonly BusinessCalendar FrenchCalendar = BusinessCalendar.France;

    /// <summary>Tuesday 1 December 2026, 09:00 UTC.</summary>
    public static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Tuesday 15 December 2026: a working day, ten working days after <see cref="Now"/>.</summary>
    public static readonly DateOnly Foc = new(2026, 12, 15);

    public static readonly DateTime OnFocDay = new(2026, 12, 15, 10, 0, 0, DateTimeKind.Utc);

    public static readonly PortingTerms Terms = new("2026-11", "Le client mandate Ooma pour porter ses numéros.");

    public static SignatureInput Signature(string name = "Jeanne Martin", bool accepted = true, byte[]? drawing = null) =>
        new(name, accepted, "203.0.113.7", "TestAgent/1.0", drawing, SignerCapacity.Manager, AuthorityConfirmed: true,
            SignerConfirmation.ByEmailCode("jeanne@exemple.fr", Now));

    public static FrenchNumber Main => FrenchNumber.Parse("01 40 00 00 00");

    public static FrenchNumber Second => FrenchNumber.Parse("09 50 00 00 00");

    public static Rio RioFor(string firstNine, FrenchNumber number) => Rio.Parse(firstNine + Rio.ComputeKey(firstNine, number));

    /// <summary>A draft with every section answered: two numbers at Orange, the first the main line with its RIO.</summary>
    public static PortRequest CompleteDraft() =>
        new PortRequestBuilder(Guid.NewGuid(), Admin, Now)
            .Carrier("F0").CarrierAccount("ACC-12345")
            .Lines(("01 40 00 00 00", "F0X123456"), ("09 50 00 00 00", null))
            .Address("12 rue de la Paix", "75002", "Paris").Holder("Jeanne", "Martin")
            .Draft();

    public static PortRequest InState(PortRequestStatus status)
    {
        var r = CompleteDraft();
        switch (status)
        {
            case PortRequestStatus.Draft:
                return r;
            case PortRequestStatus.Cancelled:
                r.Cancel(Admin, "Changed our mind", FrenchCalendar, Now);
                return r;
        }

        r.Submit(Admin, Signature("Jeanne Martin", true), Terms, "POR-2026-000001", Now);
        switch (status)
        {
            case PortRequestStatus.Submitted:
                r.CheckDocuments(Support, Now); // submitted and ready for the carrier (the pre-check is PrecheckTests')
                return r;
            case PortRequestStatus.ActionRequired:
                r.RequireAction(Support, [ReasonCode.HolderMismatch], "Le nom ne correspond pas.", Now);
                return r;
        }

        r.CheckDocuments(Support, Now);
        r.SetFocDate(Support, Foc, FrenchCalendar, Now);
        if (status == PortRequestStatus.FocConfirmed)
        {
            return r;
        }

        r.StartTestCall(Support, OnFocDay);
        if (status == PortRequestStatus.TestCall)
        {
            return r;
        }

        r.RecordTestCallPassed(Support, OnFocDay);
        return r;
    }
}
