using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;
using SkiaSharp;

namespace OomaPorting.Web.Tests.Features.PortingWizard;

/// <summary>
/// The documents step: a bill (and a Kbis, any other proof) uploaded without JavaScript, its type read from its content,
/// PDFs with active content refused, images re-encoded, all or nothing; served to the account and support only, as a
/// download that the browser cannot run.
/// </summary>
public class DocumentUploadTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private PortalFactory Factory => portal.Factory;

    private async Task<(Wizard Wizard, Guid Id)> DraftAtDocumentsAsync(string? mainNumber = null)
    {
        var wizard = await Wizard.StartAsync(Factory);
        var id = await wizard.FillAsync(mainNumber: mainNumber, withSecond: false);
        // FillAsync attached the sample bill: start each test from an empty step.
        foreach (var d in Stored(id))
        {
            var removed = await PortalClient.PostFormAsync(wizard.Client, $"/portage/{id}/justificatifs", $"/portage/{id}/justificatifs/{d.Id}/supprimer",
                new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        Assert.Empty(Stored(id));
        return (wizard, id);
    }

    private List<SupportingDocument> Stored(Guid id)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return [.. db.SupportingDocuments.IgnoreQueryFilters().AsNoTracking().Where(d => d.PortRequestId == id).OrderBy(d => d.UploadedAtUtc)];
    }

    private byte[] Bytes(Guid documentId)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return [.. db.DocumentChunks.AsNoTracking().Where(c => c.DocumentId == documentId).OrderBy(c => c.Index).AsEnumerable().SelectMany(c => c.Data)];
    }

    private int ChunkCount()
    {
        using var scope = Factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().DocumentChunks.Count();
    }

    private static async Task<string> FilesErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ReadHtmlAsync();
        return doc.QuerySelector("[data-valmsg-for='Command.Files']")?.TextContent.Trim() ?? Wizard.ErrorSummary(doc.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task A_bill_is_stored_as_sent_listed_and_served_to_the_account_and_support_only_as_a_download()
    {
        var (wizard, id) = await DraftAtDocumentsAsync();
        var pdf = PortRequestBuilder.SampleBillPdf;
        var response = await wizard.UploadAsync(id, "CarrierBill", ("Facture Orange août.pdf", pdf, "application/pdf"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/portage/{id}/justificatifs", response.Headers.Location!.OriginalString);

        var document = Assert.Single(Stored(id));
        Assert.Equal((DocumentKind.CarrierBill, "Facture Orange août.pdf", "application/pdf", (long)pdf.Length),
            (document.Kind, document.FileName, document.ContentType, document.Length));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), document.Sha256);
        Assert.Equal(pdf, Bytes(document.Id));
        Assert.Equal(1, wizard.Load(id)!.BillCount);

        var page = await (await wizard.Client.GetAsync($"/portage/{id}/justificatifs")).ReadHtmlAsync();
        Assert.Contains("Facture Orange août.pdf", page.QuerySelector("#documents")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Facture de l'opérateur actuel", page.QuerySelector("#documents")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#bill-missing"));

        var url = $"/portage/{id}/justificatifs/{document.Id}";
        var download = await wizard.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Facture Orange août.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", download.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        // A draft is its admins' alone, and so are its files: the account's users and support get what they get for
        // the draft itself, a 404 (issue 35, point 20).
        var colleague = await PortalClient.SignedInAsync(Factory, DemoData.BoulangerieUser);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/portage/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(url)).StatusCode);
        var support = await PortalClient.SignedInAsync(Factory, DemoData.SupportAgent);
        Assert.Equal(HttpStatusCode.NotFound, (await support.GetAsync($"/support/portages/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await support.GetAsync($"/support/portages/{id}/justificatifs/{document.Id}")).StatusCode);

        var other = await PortalClient.SignedInAsync(Factory, DemoData.DurandAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wizard.Client.GetAsync($"/portage/{id}/justificatifs/{Guid.NewGuid()}")).StatusCode);
        var anonymous = PortalClient.Anonymous(Factory);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Images_are_re_encoded_without_their_metadata_or_anything_hidden_after_them()
    {
        var main = Wizard.NextNumber();
        var (wizard, id) = await DraftAtDocumentsAsync(main);
        var jpeg = TestFiles.JpegPolyglot();
        var png = TestFiles.PngPolyglot();
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.UploadAsync(id, "Other",
            ("photo-facture.jpg", jpeg, "image/jpeg"), ("capture.png", png, "image/png"))).StatusCode);

        var stored = Stored(id);
        Assert.Equal(2, stored.Count);
        foreach (var document in stored)
        {
            var bytes = Bytes(document.Id);
            var text = System.Text.Encoding.Latin1.GetString(bytes);
            Assert.DoesNotContain("script", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("GPSLatitude", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Marie Martin", text, StringComparison.Ordinal);
            using var decoded = SKBitmap.Decode(bytes);
            Assert.Equal((40, 30), (decoded.Width, decoded.Height)); // still the same picture
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), document.Sha256);
        }

        Assert.Equal(["image/jpeg", "image/png"], stored.Select(d => d.ContentType).Order());

        // Once the request is submitted, support previews an image inline, sandboxed: it can run nothing even if
        // something were left in it; a PDF is never shown inline.
        await wizard.AttachBillAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.SignAsync(id, Wizard.Signature(Domain.Numbers.FrenchNumber.Parse(main).E164))).StatusCode);
        var bill = Stored(id).Single(d => d.ContentType == "application/pdf");
        var support = await PortalClient.SignedInAsync(Factory, DemoData.SupportAgent);
        var pdfPreview = await support.GetAsync($"/support/portages/{id}/justificatifs/{bill.Id}?apercu=1");
        Assert.Equal("attachment", pdfPreview.Content.Headers.ContentDisposition!.DispositionType);
        var preview = await support.GetAsync($"/support/portages/{id}/justificatifs/{stored[0].Id}?apercu=1");
        Assert.Equal("inline", preview.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("sandbox", preview.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_taken_sideways_is_stored_upright_once_its_exif_is_gone()
    {
        var (wizard, id) = await DraftAtDocumentsAsync();
        var photo = TestFiles.JpegTurnedSideways();
        using (var original = SKCodec.Create(new MemoryStream(photo)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, original.EncodedOrigin); // the test file says what it should
        }

        Assert.Equal(HttpStatusCode.Redirect, (await wizard.UploadAsync(id, "CarrierBill", ("photo.jpg", photo, "image/jpeg"))).StatusCode);
        var bytes = Bytes(Assert.Single(Stored(id)).Id);
        using var stored = SKCodec.Create(new MemoryStream(bytes));
        Assert.Equal(SKEncodedOrigin.TopLeft, stored.EncodedOrigin);
        Assert.Equal((30, 40), (stored.Info.Width, stored.Info.Height));
    }

    /// <summary>
    /// The refused files by name. The theory's cases carry the name only: xunit serializes every argument of a case to
    /// discover it (a 10 MB array cost the suite about a minute and a half of discovery, twice a run).
    /// </summary>
    private static readonly Dictionary<string, Func<byte[]>> RefusedFiles = new(StringComparer.Ordinal)
    {
        ["vide.pdf"] = () => [],
        ["gros.pdf"] = () => [.. TestFiles.Ascii("%PDF-1.4\n"), .. new byte[10 * 1024 * 1024 - 8]],
        ["image.png"] = () => TestFiles.Ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
        ["facture.pdf"] = () => TestFiles.Ascii("Bonjour, voici ma facture."),
        ["page.jpg"] = () => TestFiles.Ascii("<html><body>hello</body></html>"),
        ["js.pdf"] = () => TestFiles.PdfWith("1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj"),
        ["hex.pdf"] = () => TestFiles.PdfWith("1 0 obj<</Type/Catalog/OpenAction<</S/J#61vaScript/J#53(app.alert(1))>>>>endobj"),
        ["launch.pdf"] = () => TestFiles.PdfWith("1 0 obj<</Type/Catalog/OpenAction<</S/Launch/F(cmd.exe)>>>>endobj"),
        ["joint.pdf"] = () => TestFiles.PdfWith("1 0 obj<</Type/Catalog/Names<</EmbeddedFiles 2 0 R>>>>endobj"),
        ["cache.pdf"] = () => TestFiles.PdfWithJavaScriptInObjectStream(),
        // Issue 35, point 17: a stream behind a lone CR, an opening that fetches another file, one that opens a web address.
        ["cr.pdf"] = () => TestFiles.PdfWithJavaScriptInObjectStream("\r"),
        ["distant.pdf"] = () => TestFiles.PdfWith("1 0 obj<</Type/Catalog/OpenAction<</S/GoToR/F(\\\\serveur\\partage\\facture.pdf)/D[0/Fit]>>>>endobj"),
        ["ouvre-un-site.pdf"] = () => TestFiles.PdfMadeWith(openAction: "/S=/URI;/URI=https://evil.example/"),
        ["hexa.pdf"] = () => TestFiles.PdfWithJavaScriptInObjectStreamBehind("/AHx"),
        ["a85-flate.pdf"] = () => TestFiles.PdfWithJavaScriptInObjectStreamBehind("[/ASCII85Decode /FlateDecode]"),
        ["lzw.pdf"] = () => TestFiles.PdfWithJavaScriptInObjectStreamBehind("/LZWDecode"),
        ["protege.pdf"] = () => [.. TestFiles.Ascii("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R/Encrypt 5 0 R>>\n%%EOF")],
        ["bombe.pdf"] = () => TestFiles.PdfBomb(),
        ["tronquee.jpg"] = () => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46],
    };

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "vide.pdf", "application/pdf", "le fichier est vide" },
        { "gros.pdf", "application/pdf", "dépasse 10 Mo" },
        { "image.png", "image/png", "seuls les fichiers PDF, JPEG et PNG" },
        { "facture.pdf", "application/pdf", "seuls les fichiers PDF, JPEG et PNG" },
        { "page.jpg", "image/jpeg", "seuls les fichiers PDF, JPEG et PNG" },
        { "js.pdf", "application/pdf", "contenu actif" },
        { "hex.pdf", "application/pdf", "contenu actif" },
        { "launch.pdf", "application/pdf", "contenu actif" },
        { "joint.pdf", "application/pdf", "contenu actif" },
        { "cache.pdf", "application/pdf", "contenu actif" },
        { "cr.pdf", "application/pdf", "contenu actif" },
        { "distant.pdf", "application/pdf", "contenu actif" },
        { "ouvre-un-site.pdf", "application/pdf", "contenu actif" },
        { "hexa.pdf", "application/pdf", "contenu actif" },
        { "a85-flate.pdf", "application/pdf", "contenu actif" },
        { "lzw.pdf", "application/pdf", "contenu actif" },
        { "protege.pdf", "application/pdf", "protégé par un mot de passe" },
        { "bombe.pdf", "application/pdf", "plus de 100 Mo" },
        { "tronquee.jpg", "image/jpeg", "illisible" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_refused_file_says_why_in_the_users_words_and_nothing_is_stored(string name, string type, string message)
    {
        var content = RefusedFiles[name]();
        var (wizard, id) = await DraftAtDocumentsAsync();
        var version = wizard.Load(id)!.Version;
        var response = await wizard.UploadAsync(id, "CarrierBill", (name, content, type));
        var error = await FilesErrorAsync(response);
        Assert.Contains(name, error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(Stored(id));
        Assert.Equal(version, wizard.Load(id)!.Version);
    }

    /// <summary>What a carrier's bill may hold: a link the reader clicks, an opening on its first page.</summary>
    [Fact]
    public async Task A_pdf_with_a_link_to_click_or_an_opening_on_a_page_of_its_own_is_kept()
    {
        var (wizard, id) = await DraftAtDocumentsAsync();
        var response = await wizard.UploadAsync(id, "CarrierBill",
            ("lien.pdf", TestFiles.PdfMadeWith(link: "https://www.orange.fr/espace-client"), "application/pdf"),
            ("ouverture.pdf", TestFiles.PdfMadeWith(openAction: "/S=/GoTo;/D=/premiere"), "application/pdf"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, Stored(id).Count);
    }

    [Fact]
    public async Task One_bad_file_among_several_keeps_none_and_names_the_one_at_fault()
    {
        var (wizard, id) = await DraftAtDocumentsAsync();
        var chunks = ChunkCount();
        var response = await wizard.UploadAsync(id, "Other",
            ("bonne.pdf", PortRequestBuilder.SampleBillPdf, "application/pdf"),
            ("mauvaise.pdf", TestFiles.PdfWith("1 0 obj<</JS(x)>>endobj"), "application/pdf"),
            ("vide.png", [], "image/png"));
        var doc = await response.ReadHtmlAsync();
        var errors = doc.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("mauvaise.pdf", errors, StringComparison.Ordinal);
        Assert.Contains("vide.png", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("bonne.pdf", errors, StringComparison.Ordinal);
        Assert.Empty(Stored(id));
        Assert.Equal(chunks, ChunkCount());
    }

    [Fact]
    public async Task At_most_five_documents_however_many_are_sent_at_once()
    {
        var (wizard, id) = await DraftAtDocumentsAsync();
        var twenty = Enumerable.Range(1, 20).Select(i => ($"piece-{i}.pdf", PortRequestBuilder.SampleBillPdf, "application/pdf")).ToArray();
        Assert.Contains("5 documents au plus", await FilesErrorAsync(await wizard.UploadAsync(id, "Other", twenty)), StringComparison.Ordinal);
        Assert.Empty(Stored(id));

        Assert.Equal(HttpStatusCode.Redirect, (await wizard.UploadAsync(id, "Other", twenty[..4])).StatusCode);
        Assert.Contains("vous pouvez encore en ajouter 1", await FilesErrorAsync(await wizard.UploadAsync(id, "CarrierBill", twenty[4..6])),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.UploadAsync(id, "CarrierBill", twenty[4..5])).StatusCode);
        Assert.Equal(5, Stored(id).Count);
        var page = await (await wizard.Client.GetAsync($"/portage/{id}/justificatifs")).ReadHtmlAsync();
        Assert.Null(page.QuerySelector("input[type=file]")); // full: the form gives way to a note
    }

    [Theory]
    [InlineData("../../../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\marie\\Bureau\\facture.pdf", "facture.pdf")]
    [InlineData("facture.exe", "facture.pdf")]
    public async Task File_names_are_cleaned_and_end_with_the_real_type(string sent, string kept)
    {
        var (wizard, id) = await DraftAtDocumentsAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.UploadAsync(id, "CarrierBill", (sent, PortRequestBuilder.SampleBillPdf, "application/octet-stream"))).StatusCode);
        Assert.Equal(kept, Assert.Single(Stored(id)).FileName);
    }

    [Fact]
    public async Task A_name_with_a_nul_character_is_kept_cleaned_or_refused_never_a_server_error()
    {
        // HttpClient will not write a NUL in a header: the body is written by hand, as a hostile client would.
        var (wizard, id) = await DraftAtDocumentsAsync();
        var token = await PortalClient.TokenAsync(wizard.Client, $"/portage/{id}/justificatifs");
        const string boundary = "----limite";
        var body = TestFiles.Ascii($"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"Command.Kind\"\r\n\r\nCarrierBill\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"Command.Files\"; filename=\"fac\0ture.pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
        using var content = new ByteArrayContent([.. body, .. PortRequestBuilder.SampleBillPdf, .. TestFiles.Ascii($"\r\n--{boundary}--\r\n")]);
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        var response = await wizard.Client.PostAsync($"/portage/{id}/justificatifs", content);
        Assert.True((int)response.StatusCode is 302 or 400, $"{(int)response.StatusCode}");
        Assert.All(Stored(id), d => Assert.Equal("fac ture.pdf", d.FileName));
    }

    [Fact]
    public async Task A_300_character_name_is_cut_to_100_with_its_extension()
    {
        var (wizard, id) = await DraftAtDocumentsAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.UploadAsync(id, "CarrierBill", (new string('a', 300) + ".pdf", PortRequestBuilder.SampleBillPdf, "application/pdf"))).StatusCode);
        var name = Assert.Single(Stored(id)).FileName;
        Assert.Equal(100, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_kind_or_no_file_is_a_field_message()
    {
        var (wizard, id) = await DraftAtDocumentsAsync();
        var noKind = await PortalClient.PostFilesAsync(wizard.Client, $"/portage/{id}/justificatifs", $"/portage/{id}/justificatifs",
            new Dictionary<string, string>(), "Command.Files", ("f.pdf", PortRequestBuilder.SampleBillPdf, "application/pdf"));
        var doc = await noKind.ReadHtmlAsync();
        Assert.Equal("Choisissez le type de document.", doc.QuerySelector("[data-valmsg-for='Command.Kind']")!.TextContent.Trim());
        Assert.Contains("Choisissez au moins un fichier", await FilesErrorAsync(await wizard.UploadAsync(id, "CarrierBill")), StringComparison.Ordinal);
        Assert.Empty(Stored(id));
    }

    [Fact]
    public async Task A_fixed_number_request_without_a_bill_cannot_be_signed_and_the_page_says_where_to_add_it()
    {
        var (wizard, id) = await DraftAtDocumentsAsync();
        var page = await (await wizard.Client.GetAsync($"/portage/{id}/justificatifs")).ReadHtmlAsync();
        Assert.NotNull(page.QuerySelector("#bill-missing"));
        Assert.Equal("Étape 6 sur 7", page.QuerySelector(".wizard-step")!.TextContent.Trim());

        var signature = await (await wizard.Client.GetAsync($"/portage/{id}/signature")).ReadHtmlAsync();
        var missing = signature.QuerySelector(".alert-danger a[href*='justificatifs']");
        Assert.NotNull(missing);
        Assert.Equal("la facture de l'opérateur actuel", missing.TextContent.Trim());

        var main = wizard.Load(id)!.Lines[0].Number.E164;
        var refused = await wizard.PostAsync(id, "signature", Wizard.Signature(main));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(PortRequestStatus.Draft, wizard.Load(id)!.Status);

        await wizard.AttachBillAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.SignAsync(id, Wizard.Signature(main))).StatusCode);
        Assert.Equal(PortRequestStatus.Submitted, wizard.Load(id)!.Status);

        // Submitted: the documents can no longer change, but stay readable.
        var locked = await PortalClient.PostFilesAsync(wizard.Client, "/postes", $"/portage/{id}/justificatifs",
            new Dictionary<string, string> { ["Command.Kind"] = "Other" }, "Command.Files", ("kbis.pdf", PortRequestBuilder.SampleBillPdf, "application/pdf"));
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal($"/portage/{id}", locked.Headers.Location!.OriginalString);
        Assert.Single(Stored(id));
    }

    [Fact]
    public async Task Deleting_a_draft_deletes_its_documents_and_their_bytes()
    {
        var (wizard, id) = await DraftAtDocumentsAsync();
        await wizard.AttachBillAsync(id);
        var document = Assert.Single(Stored(id));
        Assert.NotEmpty(Bytes(document.Id));
        var deleted = await PortalClient.PostFormAsync(wizard.Client, "/portage", $"/portage/{id}/supprimer", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(Stored(id));
        Assert.Empty(Bytes(document.Id));
    }

    [Fact]
    public async Task A_body_larger_than_five_files_is_refused_before_it_is_read_without_a_server_error()
    {
        var (wizard, id) = await DraftAtDocumentsAsync();
        var huge = new byte[AttachDocumentsLimit + (1024 * 1024)];
        var response = await wizard.UploadAsync(id, "CarrierBill", ("enorme.pdf", huge, "application/pdf"));
        Assert.True((int)response.StatusCode is 413 or 400, $"{(int)response.StatusCode}");
        Assert.Empty(Stored(id));
    }

    private const long AttachDocumentsLimit = Web.Features.PortingWizard.AttachDocuments.MaxRequestBytes;
}
