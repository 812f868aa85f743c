using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Porting;

/// <summary>Support's pre-check: the documents are compared with the request before it goes to the carrier.</summary>
public sealed class PrecheckTests
{
    private static PortRequest Submitted()
    {
        var r = CompleteDraft();
        r.Submit(Admin, Signature(), Terms, "POR-2026-000001", Now);
        return r;
    }

    [Fact]
    public void A_submission_waits_for_the_check_before_its_foc_date()
    {
        var r = Submitted();
        Assert.True(r.AwaitsDocumentsCheck);
        var version = r.Version;
        Assert.Equal("FocDate.NotChecked", Assert.Throws<DomainException>(() => r.SetFocDate(Support, Foc, FrenchCalendar, Now)).Code);
        Assert.Equal((version, PortRequestStatus.Submitted, (DateOnly?)null), (r.Version, r.Status, r.FocDate));

        r.CheckDocuments(Support, Now.AddHours(2), "Facture Orange d'octobre, titulaire et adresse conformes.");
        Assert.False(r.AwaitsDocumentsCheck);
        Assert.Equal(Now.AddHours(2), r.DocumentsCheckedAtUtc);
        var e = r.Events[^1];
        Assert.Equal((PortRequestEventKind.DocumentsChecked, PortRequestStatus.Submitted, PortRequestStatus.Submitted, "support-1"),
            (e.Kind, e.FromStatus, e.ToStatus, e.ActorUserId));
        Assert.Equal("Facture Orange d'octobre, titulaire et adresse conformes.", e.Comment);
        Assert.Equal(PortRequestStatus.Submitted, r.Status); // still "Soumise" for the customer

        r.SetFocDate(Support, Foc, FrenchCalendar, Now.AddHours(3));
        Assert.Equal(PortRequestStatus.FocConfirmed, r.Status);
    }

    [Fact]
    public void Only_support_checks_once_per_submission_and_only_while_submitted()
    {
        var r = Submitted();
        Assert.Equal("PortRequest.Forbidden", Assert.Throws<DomainException>(() => r.CheckDocuments(Admin, Now)).Code);
        r.CheckDocuments(Support, Now);
        Assert.Equal("Precheck.AlreadyDone", Assert.Throws<DomainException>(() => r.CheckDocuments(Support, Now)).Code);
        Assert.Equal("PortRequest.InvalidTransition",
            Assert.Throws<DomainException>(() => InState(PortRequestStatus.FocConfirmed).CheckDocuments(Support, Now)).Code);
        Assert.Equal("PortRequest.InvalidTransition", Assert.Throws<DomainException>(() => CompleteDraft().CheckDocuments(Support, Now)).Code);
    }

    [Fact]
    public void An_unreadable_bill_goes_back_to_the_customer_whose_new_bill_is_checked_afresh()
    {
        var r = Submitted();
        r.RequireAction(Support, [ReasonCode.BillUnreadable], "La facture est floue : joignez un PDF de votre espace client.", Now);
        Assert.Equal(WizardSection.Documents | WizardSection.Signature, r.EditableSections);
        r.AttachDocument(Admin, Guid.NewGuid(), DocumentKind.CarrierBill, "facture.pdf", SupportingDocument.Pdf, 2048, new string('b', 64), Now);
        r.Submit(Admin, Signature(), Terms, null, Now.AddDays(1));
        Assert.True(r.AwaitsDocumentsCheck);
        Assert.Equal(2, r.BillCount);

        r.CheckDocuments(Support, Now.AddDays(1));
        r.RequireAction(Support, [ReasonCode.SiretIncorrect], "Le SIRET ne correspond pas à la société.", Now.AddDays(1));
        r.Submit(Admin, Signature(), Terms, null, Now.AddDays(2));
        Assert.Null(r.DocumentsCheckedAtUtc); // a resubmission is checked again
    }
}
