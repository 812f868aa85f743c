using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>Walks the porting wizard over HTTP as a browser would: GET each step, post its form with the page's token.</summary>
public sealed partial class Wizard(PortalFactory factory, HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static async Task<Wizard> StartAsync(PortalFactory factory, string admin = DemoData.BoulangerieAdmin)
    {
        var client = await PortalClient.SignedInAsync(factory, admin);
        return new Wizard(factory, client);
    }

    /// <summary>POST /portage: a new draft; answers its id.</summary>
    public async Task<Guid> NewDraftAsync()
    {
        var response = await PortalClient.PostFormAsync(Client, "/portage", "/portage", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = DraftUrl().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location!.OriginalString);
        return Guid.Parse(match.Groups[1].Value);
    }

    public Task<HttpResponseMessage> PostAsync(Guid id, string step, IDictionary<string, string> fields) =>
        PortalClient.PostFormAsync(Client, $"/portage/{id}/{step}", $"/portage/{id}/{step}", fields);

    /// <summary>Posts a step with values its form does not offer (an unknown choice): what only a forged post sends.</summary>
    public Task<HttpResponseMessage> PostForgedAsync(Guid id, string step, IDictionary<string, string> fields) =>
        PortalClient.PostForgedAsync(Client, $"/portage/{id}/{step}", $"/portage/{id}/{step}", fields);

    /// <summary>
    /// Signs as an admin does: posts the signature page, then types back the code the portal e-mailed (read from the
    /// outbox, as the admin reads their mailbox). A signature the page refuses is answered as is.
    /// </summary>
    public async Task<HttpResponseMessage> SignAsync(Guid id, IDictionary<string, string> fields)
    {
        var response = await PostAsync(id, "signature", fields);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location!.OriginalString != $"/portage/{id}/signature/code")
        {
            return response;
        }

        var confirmed = await ConfirmCodeAsync(id, LastCode(factory, id));
        if (confirmed.StatusCode == HttpStatusCode.OK)
        {
            // A refused code after an accepted signature is a failure of the test's own path: say why.
            Assert.Fail("Code refused: " + ErrorSummary(await confirmed.Content.ReadAsStringAsync()));
        }

        return confirmed;
    }

    /// <summary>Posts the code page with <paramref name="code"/>.</summary>
    public Task<HttpResponseMessage> ConfirmCodeAsync(Guid id, string code) =>
        PortalClient.PostFormAsync(Client, $"/portage/{id}/signature/code", $"/portage/{id}/signature/code",
            new Dictionary<string, string> { ["Code"] = code });

    /// <summary>
    /// The code of the signature-code e-mail about request <paramref name="id"/> that the portal is waiting for: the
    /// newest e-mail whose code matches the code stored last (several can share a time on a test's fake clock).
    /// </summary>
    public static string LastCode(PortalFactory factory, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bodies = db.OutboxMessages.AsNoTracking().Where(m => m.PortRequestId == id && m.Kind == "SignatureCode")
            .OrderByDescending(m => m.CreatedAtUtc).Select(m => m.TextBody).ToList();
        var codes = bodies.Select(b => CodeInEmail().Match(b)).Where(m => m.Success).Select(m => m.Groups[1].Value + m.Groups[2].Value).ToList();
        Assert.NotEmpty(codes);
        var waiting = db.SignatureCodes.IgnoreQueryFilters().AsNoTracking().Where(c => c.PortRequestId == id)
            .OrderByDescending(c => c.SentAtUtc).FirstOrDefault();
        if (waiting is null)
        {
            return codes[0]; // nothing waits (already used): the newest e-mail's, for tests that replay it
        }

        return codes.FirstOrDefault(c => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(waiting.Salt + ":" + c))) == waiting.CodeHash) ?? codes[0];
    }

    [GeneratedRegex(@"code ?: (\d{3}) (\d{3})")]
    private static partial Regex CodeInEmail();

    /// <summary>Posts a step and checks it moved on to <paramref name="next"/>.</summary>
    public async Task StepAsync(Guid id, string step, IDictionary<string, string> fields, string next)
    {
        var response = await PostAsync(id, step, fields);
        var body = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : string.Empty;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{step}: {(int)response.StatusCode} {ErrorSummary(body)}");
        Assert.Equal($"/portage/{id}/{next}", response.Headers.Location!.OriginalString);
    }

    /// <summary>Fills every step with valid answers, up to the signature page.</summary>
    public async Task<Guid> FillAsync(string? mainNumber = null, bool withSecond = true, string internet = "Fibre", string? sharedLine = null)
    {
        mainNumber ??= NextNumber();
        var second = withSecond ? NextNumber() : null;
        var id = await NewDraftAsync();
        await StepAsync(id, "type", new Dictionary<string, string> { ["Command.NumberType"] = "Fixed" }, "operateur");
        await StepAsync(id, "operateur", new Dictionary<string, string> { ["Command.CarrierCode"] = "F0" }, "compte");
        var account = new Dictionary<string, string> { ["Command.AccountNumber"] = " FT-123456 ", ["Command.Internet"] = internet };
        if (sharedLine is not null)
        {
            account["Command.SharedLine"] = sharedLine;
        }

        await StepAsync(id, "compte", account, "numeros");
        var lines = new Dictionary<string, string>
        {
            ["Command.Lines[0].Number"] = mainNumber,
            ["Command.Lines[0].Rio"] = RioFor("F0X1A2B3C", mainNumber),
            ["action"] = "enregistrer",
        };
        if (second is not null)
        {
            lines["Command.Lines[1].Number"] = second;
            lines["Command.Lines[1].Rio"] = string.Empty;
        }

        await StepAsync(id, "numeros", lines, "adresse");
        await StepAsync(id, "adresse", new Dictionary<string, string>
        {
            ["FirstName"] = "Marie",
            ["LastName"] = "Martin",
            ["CompanyName"] = "Boulangerie Martin SARL",
            ["Siret"] = "443 512 098 00015",
            ["Street"] = "8 rue des Boulangers",
            ["Complement"] = "",
            ["PostalCode"] = "75005",
            ["City"] = "Paris",
        }, "justificatifs");
        await AttachBillAsync(id);
        return id;
    }

    /// <summary>Posts files on the documents step as <paramref name="kind"/>; answers the response.</summary>
    public Task<HttpResponseMessage> UploadAsync(Guid id, string kind, params (string Name, byte[] Content, string ContentType)[] files) =>
        PortalClient.PostFilesAsync(Client, $"/portage/{id}/justificatifs", $"/portage/{id}/justificatifs",
            new Dictionary<string, string> { ["Command.Kind"] = kind }, "Command.Files", files);

    /// <summary>Attaches the sample bill (a small clean PDF) and checks it was kept.</summary>
    public async Task AttachBillAsync(Guid id)
    {
        var response = await UploadAsync(id, "CarrierBill", ("facture-orange.pdf", PortRequestBuilder.SampleBillPdf, "application/pdf"));
        var body = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : string.Empty;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"justificatifs: {(int)response.StatusCode} {ErrorSummary(body)}");
    }

    /// <summary>A request of Boulangerie Martin (or of <paramref name="admin"/>'s account) with one number of its own, filled and signed: submitted.</summary>
    public static async Task<(Guid Id, Wizard Wizard)> SubmittedAsync(PortalFactory factory, string admin = DemoData.BoulangerieAdmin)
    {
        var wizard = await StartAsync(factory, admin);
        var main = NextNumber();
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false);
        Assert.Equal(System.Net.HttpStatusCode.Redirect,
            (await wizard.SignAsync(id, Signature(Domain.Numbers.FrenchNumber.Parse(main).E164))).StatusCode);
        return (id, wizard);
    }

    public static Dictionary<string, string> Signature(string mainE164, string signer = "Marie Martin") => new()
    {
        ["Command.MainNumber"] = mainE164,
        ["Command.AcceptTerms"] = "true",
        ["Command.SignerName"] = signer,
        ["Command.SignerCapacity"] = "Manager",
        ["Command.SignerAuthorised"] = "true",
    };

    private static int _next;

    /// <summary>A fixed number no other test uses: numbers in a request under way cannot be used twice.</summary>
    public static string NextNumber()
    {
        var n = Interlocked.Increment(ref _next);
        return $"01 43 {n / 10000 % 100:D2} {n / 100 % 100:D2} {n % 100:D2}";
    }

    public static string RioFor(string firstNine, string number) =>
        firstNine + Domain.Numbers.Rio.ComputeKey(firstNine, Domain.Numbers.FrenchNumber.Parse(number));

    /// <summary>The request as stored, read around the account filter.</summary>
    public PortRequest? Load(Guid id)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.PortRequests.IgnoreQueryFilters().AsNoTracking()
            .Include(r => r.Lines).Include(r => r.Events).Include(r => r.Mandates).AsSplitQuery()
            .FirstOrDefault(r => r.Id == id);
    }

    public static string ErrorSummary(string html)
    {
        var doc = PortalClient.ParseAsync(html).GetAwaiter().GetResult();
        return doc.QuerySelector(".error-summary")?.TextContent.Trim() ?? "(no error summary)";
    }

    [GeneratedRegex("^/portage/([0-9a-f-]{36})/type$")]
    private static partial Regex DraftUrl();
}
