using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.PortingWizard;

/// <summary>
/// The code e-mailed to the signer before a request is submitted: typed back, it submits the signature that waited
/// with it; wrong, expired, exhausted or asked for too often, it changes nothing but the count, and every attempt is in
/// the audit trail. The clock only moves forward here, each test relative to its own start.
/// </summary>
public class SignatureCodeTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    private PortalFactory Factory => portal.Factory;

    private async Task<(Wizard Wizard, Guid Id)> SignedAwaitingCodeAsync()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false);
        var sent = await wizard.PostAsync(id, "signature", Wizard.Signature(FrenchNumber.Parse(main).E164));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/portage/{id}/signature/code", sent.Headers.Location!.OriginalString);
        return (wizard, id);
    }

    private static async Task<string?> CodeErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadHtmlAsync()).QuerySelector("#Code-error")?.TextContent.Trim();
    }

    private List<string> Attempts(Guid id)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var text = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            // As support reads the trail: "Demande <id> : code confirmé (essai 1 sur 5) depuis …".
            return [.. db.AuditEntries.AsNoTracking().Where(a => a.Details.Contains(id.ToString())).OrderBy(a => a.Id).AsEnumerable()
                .Select(a => a.Action + " " + Web.Infrastructure.AuditDetails.Read(a.Details, text))];
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task The_code_goes_to_the_signers_mailbox_and_typed_back_submits_the_request_with_the_confirmation_in_the_mandate()
    {
        var (wizard, id) = await SignedAwaitingCodeAsync();
        Assert.Equal(PortRequestStatus.Draft, wizard.Load(id)!.Status); // nothing submitted before the code
        Assert.Empty(wizard.Load(id)!.Mandates);

        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var mail = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.PortRequestId == id && m.Kind == "SignatureCode");
            Assert.Equal(DemoData.BoulangerieAdmin, mail.Recipient);
            Assert.Equal("Votre code de confirmation de signature", mail.Subject);
            var stored = await db.SignatureCodes.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.PortRequestId == id);
            Assert.DoesNotContain(Wizard.LastCode(Factory, id), stored.CodeHash, StringComparison.Ordinal); // only a salted hash is kept
            Assert.Equal(64, stored.CodeHash.Length);
        }

        var page = await (await wizard.Client.GetAsync($"/portage/{id}/signature/code")).ReadHtmlAsync();
        Assert.Contains("a•••@boulangerie-martin.test", page.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("one-time-code", page.QuerySelector("#Code")!.GetAttribute("autocomplete"));

        var code = Wizard.LastCode(Factory, id);
        var confirmed = await wizard.ConfirmCodeAsync(id, $" {code[..3]} {code[3..]} "); // as copied from the e-mail, spaces and all
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal($"/portage/{id}?envoyee=1", confirmed.Headers.Location!.OriginalString);

        var r = wizard.Load(id)!;
        Assert.Equal(PortRequestStatus.Submitted, r.Status);
        var mandate = Assert.Single(r.Mandates);
        Assert.Equal(SignerConfirmation.EmailCodeMethod, mandate.Confirmation!.Method);
        Assert.Equal(DemoData.BoulangerieAdmin, mandate.Confirmation.Email);
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime, mandate.Confirmation.AtUtc);
        Assert.Contains($"signer-confirmation: email-code | {DemoData.BoulangerieAdmin} |", mandate.CanonicalText, StringComparison.Ordinal);
        Assert.Equal(SignerCapacityKind.Manager, mandate.SignerCapacity!.Kind);

        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.SignatureCodes.IgnoreQueryFilters().AnyAsync(c => c.PortRequestId == id)); // the waiting copy is gone
        }

        var trail = Attempts(id);
        Assert.Equal(2, trail.Count);
        Assert.StartsWith("SignatureCodeSent", trail[0], StringComparison.Ordinal);
        Assert.StartsWith("SignatureCodeAttempt", trail[1], StringComparison.Ordinal);
        Assert.Contains("code confirmé (essai 1 sur 5)", trail[1], StringComparison.Ordinal);

        // A second confirmation (a double click, the back button) lands on the request, changing nothing.
        var again = await PortalClient.PostForgedAsync(wizard.Client, "/postes", $"/portage/{id}/signature/code",
            new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal($"/portage/{id}", again.Headers.Location!.OriginalString);
        Assert.Single(wizard.Load(id)!.Mandates);
    }

    [Fact]
    public async Task Five_wrong_codes_exhaust_it_even_the_right_one_then_fails_and_a_new_code_works()
    {
        var (wizard, id) = await SignedAwaitingCodeAsync();
        var code = Wizard.LastCode(Factory, id);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var left = 4; left >= 1; left--)
        {
            Assert.Equal(left == 1 ? "Code incorrect : il vous reste 1 essai" : $"Code incorrect : il vous reste {left} essais", await CodeErrorAsync(await wizard.ConfirmCodeAsync(id, wrong)));
        }

        Assert.Equal("Trop d'essais avec ce code : demandez-en un nouveau ci-dessous", await CodeErrorAsync(await wizard.ConfirmCodeAsync(id, wrong)));
        Assert.Equal("Trop d'essais avec ce code : demandez-en un nouveau ci-dessous", await CodeErrorAsync(await wizard.ConfirmCodeAsync(id, code)));
        Assert.Equal("Saisissez le code à 6 chiffres reçu par e-mail", await CodeErrorAsync(await wizard.ConfirmCodeAsync(id, "")));
        Assert.Equal(PortRequestStatus.Draft, wizard.Load(id)!.Status);
        Assert.Equal(6, Attempts(id).Count(a => a.StartsWith("SignatureCodeAttempt", StringComparison.Ordinal)));

        portal.Clock.Advance(TimeSpan.FromSeconds(SignatureCode.ResendAfterSeconds + 1));
        var resent = await PortalClient.PostFormAsync(wizard.Client, $"/portage/{id}/signature/code", $"/portage/{id}/signature/code/renvoyer",
            new Dictionary<string, string>());
        Assert.True(resent.StatusCode == HttpStatusCode.Redirect, Wizard.ErrorSummary(await resent.Content.ReadAsStringAsync()));
        Assert.Equal($"/portage/{id}/signature/code", resent.Headers.Location!.OriginalString);
        var fresh = Wizard.LastCode(Factory, id);
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.ConfirmCodeAsync(id, fresh)).StatusCode);
        Assert.Equal(PortRequestStatus.Submitted, wizard.Load(id)!.Status);
    }

    [Fact]
    public async Task A_code_typed_after_ten_minutes_has_expired()
    {
        var (wizard, id) = await SignedAwaitingCodeAsync();
        var code = Wizard.LastCode(Factory, id);
        portal.Clock.Advance(TimeSpan.FromMinutes(SignatureCode.ValidMinutes) + TimeSpan.FromSeconds(1));
        Assert.Equal("Ce code a expiré : demandez-en un nouveau ci-dessous", await CodeErrorAsync(await wizard.ConfirmCodeAsync(id, code)));
        Assert.Equal(PortRequestStatus.Draft, wizard.Load(id)!.Status);
        Assert.Contains(Attempts(id), a => a.Contains("code expiré", StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_codes_wait_a_minute_between_them_and_stop_at_five_an_hour()
    {
        var (wizard, id) = await SignedAwaitingCodeAsync();
        async Task<string?> ResendAsync()
        {
            var response = await PortalClient.PostFormAsync(wizard.Client, $"/portage/{id}/signature/code", $"/portage/{id}/signature/code/renvoyer",
                new Dictionary<string, string>());
            return response.StatusCode == HttpStatusCode.Redirect ? null
                : (await response.ReadHtmlAsync()).QuerySelector(".error-summary")?.TextContent;
        }

        var tooSoon = await ResendAsync();
        Assert.True(tooSoon?.Contains("attendez une minute", StringComparison.Ordinal), tooSoon);
        for (var i = 0; i < SignatureCode.MaxSendsPerHour - 1; i++)
        {
            portal.Clock.Advance(TimeSpan.FromSeconds(SignatureCode.ResendAfterSeconds + 1));
            Assert.Null(await ResendAsync());
        }

        portal.Clock.Advance(TimeSpan.FromSeconds(SignatureCode.ResendAfterSeconds + 1));
        Assert.Contains("Trop de codes demandés", await ResendAsync(), StringComparison.Ordinal);
        // Signing again asks for a code too: the same limit holds.
        var main = wizard.Load(id)!.Lines[0].Number.E164;
        var refused = await wizard.PostAsync(id, "signature", Wizard.Signature(main));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Trop de codes demandés", (await refused.ReadHtmlAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SignatureCode.MaxSendsPerHour, Attempts(id).Count(a => a.StartsWith("SignatureCodeSent", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_request_changed_after_the_code_was_sent_must_be_checked_and_signed_again()
    {
        var (wizard, id) = await SignedAwaitingCodeAsync();
        var code = Wizard.LastCode(Factory, id);
        await wizard.StepAsync(id, "adresse", new Dictionary<string, string>
        {
            ["FirstName"] = "Marie", ["LastName"] = "Martin", ["CompanyName"] = "", ["Siret"] = "",
            ["Street"] = "9 rue des Boulangers", ["PostalCode"] = "75005", ["City"] = "Paris",
        }, "justificatifs");
        var response = await wizard.ConfirmCodeAsync(id, code);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("La demande a changé depuis l'envoi du code", (await response.ReadHtmlAsync()).QuerySelector(".error-summary")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(PortRequestStatus.Draft, wizard.Load(id)!.Status);
    }

    [Fact]
    public async Task The_code_page_of_a_request_with_no_signature_waiting_sends_back_to_the_signature()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var id = await wizard.FillAsync();
        var response = await wizard.Client.GetAsync($"/portage/{id}/signature/code");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/portage/{id}/signature", response.Headers.Location!.OriginalString);
    }
}
