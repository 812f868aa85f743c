using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Porting;

public class MandateTests
{
    [Fact]
    public void Submitting_records_a_mandate_over_every_answer_and_the_terms()
    {
        var r = CompleteDraft();
        var mandate = r.Submit(Admin, Signature(), Terms, "POR-2026-000042", Now);

        Assert.Equal("POR-2026-000042", r.Reference);
        Assert.Same(mandate, Assert.Single(r.Mandates));
        Assert.Equal("Jeanne Martin", mandate.SignerName);
        Assert.Equal(Now, mandate.SignedAtUtc);
        Assert.Equal("203.0.113.7", mandate.ClientAddress);
        Assert.Equal("TestAgent/1.0", mandate.UserAgent);
        Assert.Equal("2026-11", mandate.TermsVersion);
        Assert.Matches("^[0-9a-f]{64}$", mandate.Sha256);
        foreach (var fact in new[] { "+33140000000", "+33950000000", "F0X123456PVT", "ACC-12345", "12 rue de la Paix", "75002", "Jeanne", "Martin", Terms.Text, "POR-2026-000042" })
        {
            Assert.Contains(fact, mandate.CanonicalText, StringComparison.Ordinal);
        }

        Assert.True(mandate.IsIntact);
        Assert.True(r.AnswersMatchMandate(Terms));
    }

    [Fact]
    public void The_hash_detects_a_changed_answer_or_changed_terms()
    {
        var r = InState(PortRequestStatus.Submitted);
        r.RequireAction(Support, [ReasonCode.HolderMismatch], "Nom", Now);
        Assert.True(r.AnswersMatchMandate(Terms));
        r.EnterServiceAddressAndHolder(Admin, ServiceAddress.Create("12 rue de la Paix", null, "75002", "Paris"), AccountHolder.Create("Jeanne", "Martin", "SARL Martin"), Now);
        Assert.False(r.AnswersMatchMandate(Terms));
        Assert.False(InState(PortRequestStatus.Submitted).AnswersMatchMandate(Terms with { Text = Terms.Text + " modifié" }));
    }

    [Fact]
    public void A_resubmission_keeps_the_reference_and_adds_a_second_mandate()
    {
        var r = InState(PortRequestStatus.ActionRequired);
        var first = r.Mandates[0];
        r.Submit(Admin, Signature("Jeanne Martin"), Terms, "POR-2026-999999", Now.AddDays(1));
        Assert.Equal("POR-2026-000001", r.Reference);
        Assert.Equal(2, r.Mandates.Count);
        Assert.Equal(2, r.Mandates[1].Sequence);
        Assert.NotEqual(first.Sha256, r.Mandates[1].Sha256);
    }

    [Fact]
    public void A_drawn_signature_must_be_a_small_png()
    {
        var r = CompleteDraft();
        Assert.Equal("Signature.Drawing.Invalid", Assert.Throws<DomainException>(() =>
            r.Submit(Admin, Signature(drawing: [1, 2, 3, 4, 5, 6, 7, 8, 9]), Terms, "POR-2026-000001", Now)).Code);
        byte[] tooBig = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[Mandate.MaxDrawingBytes]];
        Assert.Equal("Signature.Drawing.Invalid", Assert.Throws<DomainException>(() =>
            r.Submit(Admin, Signature(drawing: tooBig), Terms, "POR-2026-000001", Now)).Code);
        Assert.Equal(PortRequestStatus.Draft, r.Status);
        Assert.Empty(r.Mandates);
        Assert.Null(r.Reference);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        r.Submit(Admin, Signature(drawing: png), Terms, "POR-2026-000001", Now);
        Assert.Equal(png, r.Mandates[0].DrawnSignaturePng);
    }

    [Fact]
    public void Keeping_the_current_main_number_needs_an_account_main_number_of_its_own()
    {
        var r = CompleteDraft();
        Assert.Equal("MainNumber.Required", Assert.Throws<DomainException>(() =>
            r.ChooseMainNumber(Admin, null, false, accountHasOwnMainNumber: false, Now)).Code);
        r.ChooseMainNumber(Admin, null, false, accountHasOwnMainNumber: true, Now);
        Assert.Null(r.MainOomaNumber);
        Assert.True(r.MainNumberDecided);
        r.Submit(Admin, Signature(), Terms, "POR-2026-000001", Now);
        Assert.Contains("main-number: keep-current", r.Mandates[0].CanonicalText, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_an_admin_deletes_and_only_a_draft()
    {
        CompleteDraft().EnsureDeletable(Admin);
        Assert.Equal("PortRequest.Forbidden", Assert.Throws<DomainException>(() => CompleteDraft().EnsureDeletable(User)).Code);
        Assert.Equal("PortRequest.InvalidTransition", Assert.Throws<DomainException>(() => InState(PortRequestStatus.Submitted).EnsureDeletable(Admin)).Code);
    }

    [Fact]
    public void A_holder_may_name_the_company_on_the_bill()
    {
        var h = AccountHolder.Create("Jeanne", "Martin", "  Boulangerie Martin SARL ");
        Assert.Equal("Boulangerie Martin SARL", h.CompanyName);
        Assert.Null(AccountHolder.Create("Jeanne", "Martin", " ").CompanyName);
    }
}
