using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.PortingStatus;

/// <summary>
/// The mandate PDF as evidence: it names the company, its SIRET, the signer and capacity, the Ooma entity, the time in
/// Paris and UTC, and it is digitally signed, as an independent verifier (poppler's <c>pdfsig</c>) confirms; one byte
/// changed and the same verifier refuses it.
/// </summary>
public class MandatePdfSignatureTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    /// <summary>A carrier the customer named ("Autre") is written by its name: the mandate once read "Telco Sud (AUTRE)" (issue 36, point 17).</summary>
    [Fact]
    public async Task A_carrier_the_customer_named_is_written_by_its_name_alone()
    {
        var admin = new Domain.Common.Actor("test", Domain.Common.ActorRole.AccountAdmin, "Marie Martin");
        var r = new PortRequestBuilder(Guid.NewGuid(), admin, DateTime.UtcNow)
            .Carrier(Carrier.OtherCode, "Telco Sud").CarrierAccount("TS-12345")
            .Lines(("01 40 00 00 00", "F0X123456"))
            .Address("12 rue de la Paix", "75002", "Paris").Holder("Jeanne", "Martin")
            .Submit("POR-2026-999999");
        using var scope = portal.Factory.Services.CreateScope();
        var pdf = await portal.Factory.Services.GetRequiredService<Web.Infrastructure.Pdf.MandatePdf>()
            .SignedAsync(scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>(), r, r.Mandates[0], "Boulangerie Martin", accountHasTemporaryNumber: false, default);
        var text = Encoding.Latin1.GetString(pdf);
        Assert.Contains("Telco Sud", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(AUTRE)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mandate_pdf_names_the_evidence_and_its_signature_holds_until_one_byte_changes()
    {
        var wizard = await Wizard.StartAsync(portal.Factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false);
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.SignAsync(id, Wizard.Signature(FrenchNumber.Parse(main).E164))).StatusCode);

        var response = await wizard.Client.GetAsync($"/portage/{id}/mandat.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.Latin1.GetString(pdf);
        foreach (var fact in new[] { "SIRET : 443 512 098 00015", "en qualité de gérant", "habilité à engager le titulaire", "Ooma, Inc.", " UTC", "Navigateur : ",
            "Signature confirmée par le code envoyé à admin@boulangerie-martin.test" })
        {
            Assert.Contains(fact, text, StringComparison.Ordinal);
        }

        var folder = Directory.CreateTempSubdirectory("mandate-pdf-");
        try
        {
            var signed = Path.Combine(folder.FullName, "signed.pdf");
            await File.WriteAllBytesAsync(signed, pdf);
            var verdict = await PdfSigAsync(signed);
            Assert.Contains("Signature is Valid", verdict, StringComparison.Ordinal);
            Assert.Contains("Ooma Office", verdict, StringComparison.Ordinal); // the signer's certificate

            // One byte of the holder's name changed, inside the signed range: the digest no longer matches.
            var at = text.IndexOf("Marie Martin", StringComparison.Ordinal);
            Assert.True(at > 0);
            var tampered = (byte[])pdf.Clone();
            tampered[at + 1] = (byte)'o';
            var altered = Path.Combine(folder.FullName, "altered.pdf");
            await File.WriteAllBytesAsync(altered, tampered);
            verdict = await PdfSigAsync(altered);
            Assert.DoesNotContain("Signature is Valid", verdict, StringComparison.Ordinal);
            Assert.Contains("Signature is Invalid", verdict, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The evidence never changes (issue 35, point 21): the mandate is signed once, when the code is confirmed, and
    /// every download and the submission e-mail give those same bytes, after time passed and support acted on the
    /// request (it was drawn and signed again at each download, with the download time in its signature).
    /// </summary>
    [Fact]
    public async Task The_mandate_is_the_same_signed_file_at_every_download_and_in_the_email()
    {
        var wizard = await Wizard.StartAsync(portal.Factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false);
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.SignAsync(id, Wizard.Signature(FrenchNumber.Parse(main).E164))).StatusCode);
        var first = await (await wizard.Client.GetAsync($"/portage/{id}/mandat.pdf")).Content.ReadAsByteArrayAsync();

        await Task.Delay(1_100); // a signature made now would carry another second
        var desk = await SupportDesk.SignInAsync(portal.Factory);
        await desk.CheckDocumentsAsync(id);
        var again = await (await wizard.Client.GetAsync($"/portage/{id}/mandat.pdf")).Content.ReadAsByteArrayAsync();
        Assert.Equal(first, again);

        var api = ApiClients.For(portal.Factory, await ApiClients.KeyAsync(portal.Factory, "Boulangerie Martin"));
        Assert.Equal(first, await (await api.GetAsync($"/api/v1/port-requests/{id}/mandate.pdf")).Content.ReadAsByteArrayAsync());

        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
        var attached = db.OutboxMessages.Where(m => m.PortRequestId == id && m.Kind == "Submitted")
            .SelectMany(m => m.Attachments).Where(a => a.ContentType == "application/pdf").Select(a => a.Content).ToList();
        Assert.NotEmpty(attached);
        Assert.All(attached, pdf => Assert.Equal(first, pdf));
    }

    /// <summary>What <c>pdfsig</c> (poppler-utils) says of a file's signatures.</summary>
    private static async Task<string> PdfSigAsync(string file)
    {
        var info = new ProcessStartInfo("pdfsig", [file]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("pdfsig did not start (apt package poppler-utils).");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output + error;
    }
}
