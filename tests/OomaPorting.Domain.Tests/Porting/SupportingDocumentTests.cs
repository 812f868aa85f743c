using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Porting;

public sealed class SupportingDocumentTests
{
    private static PortRequest DraftWithoutBill() =>
        new PortRequestBuilder(Guid.NewGuid(), Admin, Now).Carrier("F0").Lines(("01 40 00 00 00", "F0X123456")).Bill(null).Draft();

    private static SupportingDocument Attach(PortRequest r, DocumentKind kind = DocumentKind.CarrierBill, string name = "facture.pdf",
        string type = SupportingDocument.Pdf, long length = 1234) =>
        r.AttachDocument(Admin, Guid.NewGuid(), kind, name, type, length, new string('a', 64), Now);

    [Fact]
    public void A_fixed_number_request_cannot_be_signed_without_a_bill_of_the_current_carrier()
    {
        var r = DraftWithoutBill();
        Assert.True(r.LacksBill);
        Assert.Equal(WizardSection.Documents, r.MissingForSubmission());
        Assert.Equal("Submit.Incomplete", Assert.Throws<DomainException>(() => r.Submit(Admin, Signature(), Terms, "POR-2026-000001", Now)).Code);

        Attach(r, DocumentKind.CompanyRegistration, "kbis.pdf");
        Assert.Equal(WizardSection.Documents, r.MissingForSubmission()); // a Kbis is not a bill
        Attach(r);
        Assert.Equal(WizardSection.None, r.MissingForSubmission());
        r.Submit(Admin, Signature(), Terms, "POR-2026-000001", Now);
        Assert.Equal(PortRequestStatus.Submitted, r.Status);
    }

    [Fact]
    public void A_mobile_request_needs_no_bill()
    {
        var r = new PortRequestBuilder(Guid.NewGuid(), Admin, Now).Mobile().Lines(("06 12 34 56 78", "01M123456")).Draft();
        Assert.Equal(0, r.DocumentCount);
        Assert.False(r.LacksBill);
        Assert.Equal(WizardSection.None, r.MissingForSubmission());
    }

    [Fact]
    public void At_most_five_documents_and_removing_one_frees_its_place_and_its_bill()
    {
        var r = DraftWithoutBill();
        var bill = Attach(r);
        for (var i = 0; i < 4; i++)
        {
            Attach(r, DocumentKind.Other, $"piece-{i}.png", SupportingDocument.Png);
        }

        var version = r.Version;
        Assert.Equal("Document.TooMany", Assert.Throws<DomainException>(() => Attach(r)).Code);
        Assert.Equal((5, 1, version), (r.DocumentCount, r.BillCount, r.Version));

        r.RemoveDocument(Admin, bill.Id, Now);
        Assert.Equal((4, 0), (r.DocumentCount, r.BillCount));
        Assert.True(r.LacksBill);
        Assert.Equal("Document.NotFound", Assert.Throws<DomainException>(() => r.RemoveDocument(Admin, bill.Id, Now)).Code);
        Attach(r);
        Assert.Equal(5, r.DocumentCount);
    }

    [Theory]
    [InlineData(0L, "Document.Empty")]
    [InlineData(SupportingDocument.MaxBytes + 1, "Document.TooLarge")]
    public void Empty_and_oversized_files_are_refused(long length, string code)
    {
        var r = DraftWithoutBill();
        Assert.Equal(code, Assert.Throws<DomainException>(() => Attach(r, length: length)).Code);
        Assert.Equal(0, r.DocumentCount);
        Assert.Empty(r.Documents);
    }

    [Fact]
    public void A_type_other_than_pdf_jpeg_or_png_is_refused()
    {
        var r = DraftWithoutBill();
        Assert.Equal("Document.Type", Assert.Throws<DomainException>(() => Attach(r, type: "image/svg+xml")).Code);
        Assert.Equal(0, r.DocumentCount);
    }

    [Fact]
    public void Only_the_admin_attaches_and_only_while_the_documents_are_open()
    {
        var r = DraftWithoutBill();
        Assert.Equal("PortRequest.Forbidden", Assert.Throws<DomainException>(() =>
            r.AttachDocument(User, Guid.NewGuid(), DocumentKind.CarrierBill, "f.pdf", SupportingDocument.Pdf, 10, "x", Now)).Code);

        var submitted = InState(PortRequestStatus.Submitted);
        Assert.Equal("PortRequest.Locked", Assert.Throws<DomainException>(() => Attach(submitted)).Code);

        // Sent back for the holder's SIRET only: the documents stay closed; for an unreadable bill they reopen.
        var siret = InState(PortRequestStatus.Submitted);
        siret.RequireAction(Support, [ReasonCode.SiretIncorrect], "Le SIRET ne correspond pas.", Now);
        Assert.Equal("PortRequest.SectionLocked", Assert.Throws<DomainException>(() => Attach(siret)).Code);
        var unreadable = InState(PortRequestStatus.Submitted);
        unreadable.RequireAction(Support, [ReasonCode.BillUnreadable], "La facture est illisible.", Now);
        Assert.Equal(WizardSection.Documents | WizardSection.Signature, unreadable.EditableSections);
        Attach(unreadable);
        Assert.Equal(2, unreadable.BillCount);
    }

    [Theory]
    [InlineData("facture.pdf", SupportingDocument.Pdf, "facture.pdf")]
    [InlineData("../../etc/passwd", SupportingDocument.Pdf, "passwd.pdf")]
    [InlineData("C:\\Users\\marie\\Facture Orange.PNG", SupportingDocument.Png, "Facture Orange.png")]
    [InlineData("facture.png", SupportingDocument.Pdf, "facture.pdf")]
    [InlineData("fac\0ture\u202e.pdf", SupportingDocument.Pdf, "fac ture.pdf")]
    [InlineData("<script>alert(1)</script>.jpg", SupportingDocument.Jpeg, "script.jpg")]
    [InlineData("   ", SupportingDocument.Jpeg, "document.jpg")]
    [InlineData(null, SupportingDocument.Pdf, "document.pdf")]
    [InlineData("..", SupportingDocument.Pdf, "document.pdf")]
    [InlineData("Facture d'août – Orange Pro.pdf", SupportingDocument.Pdf, "Facture d'août – Orange Pro.pdf")]
    public void File_names_are_cleaned_and_carry_the_extension_of_their_real_type(string? name, string type, string expected) =>
        Assert.Equal(expected, SupportingDocument.CleanFileName(name, type));

    [Fact]
    public void A_long_file_name_is_cut_to_100_characters_with_its_extension()
    {
        var name = SupportingDocument.CleanFileName(new string('é', 300) + ".pdf", SupportingDocument.Pdf);
        Assert.Equal(SupportingDocument.MaxFileNameLength, name.Length);
        Assert.EndsWith("é.pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Erasing_personal_data_removes_the_documents()
    {
        var r = InState(PortRequestStatus.Cancelled);
        Assert.Equal(1, r.DocumentCount);
        r.ErasePersonalData(Now.AddMonths(14));
        Assert.Empty(r.Documents);
        Assert.Equal((0, 0), (r.DocumentCount, r.BillCount));
    }

    [Fact]
    public void The_builder_attaches_its_sample_bill_with_its_hash()
    {
        var r = CompleteDraft();
        var bill = Assert.Single(r.Documents);
        Assert.Equal((DocumentKind.CarrierBill, SupportingDocument.Pdf, (long)PortRequestBuilder.SampleBillPdf.Length),
            (bill.Kind, bill.ContentType, bill.Length));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(PortRequestBuilder.SampleBillPdf)), bill.Sha256);
    }
}
