using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.PortingWizard;

public class PortingWizardTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private PortalFactory Factory => portal.Factory;

    [Fact]
    public async Task The_entry_page_explains_porting_and_starts_a_draft()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var page = await (await wizard.Client.GetAsync("/portage")).ReadHtmlAsync();
        var text = page.Body!.TextContent;
        Assert.Contains("gratuit", text, StringComparison.Ordinal);
        Assert.Contains("trois à quatre semaines", text, StringComparison.Ordinal);
        Assert.Contains("ligne sèche", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/portabilite']"));
        Assert.NotNull(page.QuerySelector("a[href='/portage/telo-hub']"));

        // What the wizard will ask, listed before it starts (the bill, the SIRET and the signer's role were missing).
        var need = string.Join(" ", page.QuerySelectorAll("#ce-qu-il-faut + ul li").Select(li => li.TextContent));
        foreach (var asked in new[] { "fixe ou mobile", "opérateur actuel", "numéro de compte", "RIO", "SIRET", "titulaire", "facture", "moins de 3 mois", "fonction", "code" })
        {
            Assert.Contains(asked, need, StringComparison.Ordinal);
        }

        var id = await wizard.NewDraftAsync();
        var draft = wizard.Load(id);
        Assert.NotNull(draft);
        Assert.Equal(PortRequestStatus.Draft, draft.Status);
        var list = await (await wizard.Client.GetAsync("/portage")).ReadHtmlAsync();
        Assert.NotNull(list.QuerySelector($"a[href='/portage/{id}/type']"));
    }

    [Fact]
    public async Task The_whole_journey_creates_a_submitted_request_with_every_field_right()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main);

        var check = await (await wizard.Client.GetAsync($"/portage/{id}/signature")).ReadHtmlAsync();
        var summary = check.QuerySelector(".summary-list")!.TextContent;
        Assert.Contains("Orange", summary, StringComparison.Ordinal);
        Assert.Contains("FT-123456", summary, StringComparison.Ordinal);
        Assert.Contains(FrenchNumber.Parse(main).Display, summary, StringComparison.Ordinal);
        Assert.Contains("8 rue des Boulangers", summary, StringComparison.Ordinal);
        Assert.Equal(6, check.QuerySelectorAll(".summary-list a[href$='?retour=signature']").Length);
        Assert.Contains("9,95 €", check.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(check.QuerySelector("button[type=submit][disabled]"));
        Assert.Null(check.QuerySelector(".alert-danger"));

        var mainE164 = FrenchNumber.Parse(main).E164;
        var response = await wizard.SignAsync(id, Wizard.Signature(mainE164));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/portage/{id}?envoyee=1", response.Headers.Location!.OriginalString);

        var r = wizard.Load(id)!;
        Assert.Equal(PortRequestStatus.Submitted, r.Status);
        Assert.Matches(@"^POR-20\d\d-\d{6}$", r.Reference);
        Assert.Equal(NumberType.Fixed, r.NumberType);
        Assert.Equal("F0", r.CarrierCode);
        Assert.Equal("FT-123456", r.CarrierAccountNumber!.Value);
        Assert.Equal(InternetConnection.Fibre, r.InternetConnection);
        Assert.Equal(2, r.Lines.Count);
        Assert.Equal(mainE164, r.Lines.Single(l => l.IsMainLine).Number.E164);
        Assert.NotNull(r.Lines.Single(l => l.IsMainLine).Rio);
        Assert.Equal("Marie", r.AccountHolder!.FirstName);
        Assert.Equal("Boulangerie Martin SARL", r.AccountHolder.CompanyName);
        Assert.Equal("75005", r.ServiceAddress!.PostalCode);
        Assert.Equal(mainE164, r.MainOomaNumber!.E164);
        Assert.False(r.KeepTemporaryNumber);
        var mandate = Assert.Single(r.Mandates);
        Assert.Equal("Marie Martin", mandate.SignerName);
        Assert.Equal("2026-11-fr", mandate.TermsVersion);
        Assert.Matches("^[0-9a-f]{64}$", mandate.Sha256);
        Assert.Equal("44351209800015", r.AccountHolder.Siret!.Value);
        Assert.Equal(SignerCapacityKind.Manager, mandate.SignerCapacity!.Kind);
        Assert.Contains("signer-capacity: Manager", mandate.CanonicalText, StringComparison.Ordinal);
        Assert.Contains("siret: 44351209800015", mandate.CanonicalText, StringComparison.Ordinal);
        var keys = Factory.Services.GetRequiredService<OomaPorting.Web.Infrastructure.Mandates.MandateSealKeys>();
        Assert.Equal(keys.Current.Id, mandate.SealKeyId);
        Assert.Equal(MandateIntegrity.Intact, mandate.CheckWith(keys.All));
        Assert.Contains(PortRequestEventKind.Submitted, r.Events.Select(e => e.Kind));

        var status = await (await wizard.Client.GetAsync($"/portage/{id}?envoyee=1")).ReadHtmlAsync();
        Assert.Contains(r.Reference!, status.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Soumise", status.QuerySelector(".status-badge")!.TextContent.Trim());
        Assert.Equal("Statut du portage", status.QuerySelector("nav [aria-current=page]")?.TextContent.Trim());

        // Submitted: the wizard is closed; its steps send the admin to the status page.
        var step = await wizard.Client.GetAsync($"/portage/{id}/numeros");
        Assert.Equal(HttpStatusCode.Redirect, step.StatusCode);
        Assert.Equal($"/portage/{id}", step.Headers.Location!.OriginalString);
        var post = await wizard.Client.PostAsync($"/portage/{id}/type", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    [Fact]
    public async Task A_double_submit_makes_one_request_and_both_land_on_the_same_page()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false);
        var fields = Wizard.Signature(FrenchNumber.Parse(main).E164);

        // Two tabs (or a double click): both pages were open, both post at once.
        var tokenA = await PortalClient.TokenAsync(wizard.Client, $"/portage/{id}/signature");
        var tokenB = await PortalClient.TokenAsync(wizard.Client, $"/portage/{id}/signature");
        var first = PortalClient.PostWithTokenAsync(wizard.Client, $"/portage/{id}/signature", tokenA, fields);
        var second = PortalClient.PostWithTokenAsync(wizard.Client, $"/portage/{id}/signature", tokenB, fields);
        var responses = await Task.WhenAll(first, second);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(responses, r => Assert.Equal($"/portage/{id}/signature/code", r.Headers.Location!.OriginalString));

        // Then the code is typed back twice at once: one submission, both land on the request.
        var code = Wizard.LastCode(Factory, id);
        var tokenC = await PortalClient.TokenAsync(wizard.Client, $"/portage/{id}/signature/code");
        var tokenD = await PortalClient.TokenAsync(wizard.Client, $"/portage/{id}/signature/code");
        var confirmations = await Task.WhenAll(
            PortalClient.PostWithTokenAsync(wizard.Client, $"/portage/{id}/signature/code", tokenC, new Dictionary<string, string> { ["Code"] = code }),
            PortalClient.PostWithTokenAsync(wizard.Client, $"/portage/{id}/signature/code", tokenD, new Dictionary<string, string> { ["Code"] = code }));
        Assert.All(confirmations, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(confirmations, r => Assert.StartsWith($"/portage/{id}", r.Headers.Location!.OriginalString, StringComparison.Ordinal));

        var replay = await PortalClient.PostWithTokenAsync(wizard.Client, $"/portage/{id}/signature", tokenA, fields);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal($"/portage/{id}", replay.Headers.Location!.OriginalString);

        var r = wizard.Load(id)!;
        Assert.Equal(PortRequestStatus.Submitted, r.Status);
        Assert.Single(r.Mandates);
        Assert.Single(r.Events, e => e.Kind == PortRequestEventKind.Submitted);
    }

    public static TheoryData<string, Dictionary<string, string>, string, string> InvalidSteps() => new()
    {
        { "type", new() { ["Command.NumberType"] = "Banane" }, "Command_NumberType", "Choisissez fixe ou mobile" },
        { "type", new(), "Command_NumberType", "Choisissez fixe ou mobile" },
        { "operateur", new() { ["Command.CarrierCode"] = "ZZ" }, "Command_CarrierCode", "Choisissez votre opérateur dans la liste" },
        { "operateur", new() { ["Command.CarrierCode"] = "AUTRE", ["Command.OtherName"] = " " }, "Command_OtherName", "Saisissez le nom de votre opérateur" },
        { "compte", new() { ["Command.AccountNumber"] = "12", ["Command.Internet"] = "Fibre" }, "Command_AccountNumber", "de 4 à 30 caractères" },
        { "compte", new() { ["Command.AccountNumber"] = "ACC 1234", ["Command.Internet"] = "Fibre" }, "Command_AccountNumber", "lettres, chiffres et tirets" },
        { "compte", new() { ["Command.AccountNumber"] = "ACC-1234" }, "Command_Internet", "Choisissez votre type de connexion internet" },
        { "compte", new() { ["Command.AccountNumber"] = "ACC-1234", ["Command.Internet"] = "AdslVdsl" }, "Command_SharedLine", "Indiquez si l'ADSL passe par la même ligne" },
        { "numeros", new() { ["Command.Lines[0].Number"] = "01 43 99 00 01", ["Command.Lines[0].Rio"] = "F0X1A2B3CAAA" }, "Command_Lines_0__Rio", "La clé du RIO ne correspond pas à ce numéro" },
        { "numeros", new() { ["Command.Lines[0].Number"] = "01 43 99 00 01", ["Command.Lines[0].Rio"] = "" }, "Command_Lines_0__Rio", "Saisissez le RIO du numéro principal" },
        { "numeros", new() { ["Command.Lines[0].Number"] = "08 00 00 00 00", ["Command.Lines[0].Rio"] = "" }, "Command_Lines_0__Number", "Les numéros spéciaux en 08" },
        { "numeros", new() { ["Command.Lines[0].Number"] = "06 11 22 33 44", ["Command.Lines[0].Rio"] = "02P123456O63" }, "Command_Lines_0__Number", "Ce n'est pas un numéro fixe" },
        { "numeros", new() { ["Command.Lines[0].Number"] = "01 23 45", ["Command.Lines[0].Rio"] = "" }, "Command_Lines_0__Number", "Saisissez un numéro français valide" },
        { "numeros", new() { ["Command.Lines[0].Number"] = "01 43 99 00 01", ["Command.Lines[0].Rio"] = "F0X123" }, "Command_Lines_0__Rio", "Un RIO compte 12 caractères" },
        { "adresse", new() { ["FirstName"] = "Marie", ["LastName"] = "Martin", ["Street"] = "1 rue X", ["PostalCode"] = "", ["City"] = "Paris" }, "PostalCode", "Saisissez le code postal" },
        { "adresse", new() { ["FirstName"] = "Marie", ["LastName"] = "Martin", ["Street"] = "1 rue X", ["PostalCode"] = "7500", ["City"] = "Paris" }, "PostalCode", "5 chiffres" },
        { "adresse", new() { ["FirstName"] = "<script>", ["LastName"] = "Martin", ["Street"] = "1 rue X", ["PostalCode"] = "75001", ["City"] = "Paris" }, "FirstName", "que des lettres" },
        { "adresse", new() { ["FirstName"] = "Marie", ["LastName"] = "", ["Street"] = "1 rue X", ["PostalCode"] = "75001", ["City"] = "Paris" }, "LastName", "Saisissez le nom du titulaire" },
    };

    /// <summary>
    /// An account whose main number was ported already keeps it unless the admin chooses another (issue 36, point 3: a
    /// follow-up offered its refused direct line as the new main number, one click from replacing the main line).
    /// </summary>
    [Fact]
    public async Task A_later_request_of_an_account_with_a_main_number_keeps_it_unless_the_admin_chooses_otherwise()
    {
        var wizard = await Wizard.StartAsync(Factory); // Boulangerie Martin: its main number was ported
        var id = await wizard.FillAsync();
        var page = await (await wizard.Client.GetAsync($"/portage/{id}/signature")).ReadHtmlAsync();
        Assert.True(page.GetElementById("Command_MainNumber_keep")?.HasAttribute("checked"), "the account's main number is not the one chosen");
        Assert.False(page.GetElementById("Command_MainNumber")?.HasAttribute("checked"));

        // Signed as the page stands, with only what the signer must give: the account's main number stays.
        var fields = Wizard.Signature("keep");
        fields.Remove("Command.MainNumber");
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.SignAsync(id, fields)).StatusCode);
        Assert.Null(wizard.Load(id)!.MainOomaNumber);
    }

    [Theory]
    [MemberData(nameof(InvalidSteps))]
    public async Task Each_invalid_answer_gets_its_message_on_its_field_and_writes_nothing(string step, Dictionary<string, string> fields, string fieldId, string message)
    {
        var wizard = await Wizard.StartAsync(Factory);
        var id = await wizard.NewDraftAsync();
        if (step is not "type")
        {
            await wizard.StepAsync(id, "type", new Dictionary<string, string> { ["Command.NumberType"] = "Fixed" }, "operateur");
        }

        var before = wizard.Load(id)!;
        var response = await wizard.PostForgedAsync(id, step, fields); // some answers are no option of the page

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ReadHtmlAsync();
        Assert.StartsWith("Erreur :", doc.Title, StringComparison.Ordinal);
        var link = doc.QuerySelector($".error-summary a[href='#{fieldId}']");
        Assert.True(link is not null, $"No summary link to #{fieldId}: {doc.QuerySelector(".error-summary")?.OuterHtml}");
        Assert.Contains(message, link.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.GetElementById(fieldId));
        var after = wizard.Load(id)!;
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.UpdatedAtUtc, after.UpdatedAtUtc);
    }

    /// <summary>Orange chosen, an SFR RIO typed (key right): refused at the RIO, nothing saved (issue 14, point 6).</summary>
    [Fact]
    public async Task A_rio_of_another_carrier_than_the_one_chosen_is_refused_at_its_field()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var id = await wizard.NewDraftAsync();
        await wizard.StepAsync(id, "type", new Dictionary<string, string> { ["Command.NumberType"] = "Fixed" }, "operateur");
        await wizard.StepAsync(id, "operateur", new Dictionary<string, string> { ["Command.CarrierCode"] = "F0" }, "compte");
        var main = Wizard.NextNumber();

        var response = await wizard.PostAsync(id, "numeros", new Dictionary<string, string>
        {
            ["Command.Lines[0].Number"] = main,
            ["Command.Lines[0].Rio"] = Wizard.RioFor("F1X1A2B3C", main),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ReadHtmlAsync();
        Assert.Contains("Ce RIO est celui d'un autre opérateur que celui choisi", doc.QuerySelector("#Command_Lines_0__Rio-error")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(wizard.Load(id)!.Lines);
    }

    /// <summary>A company name the mandate could not draw is refused at its box, in the form as a browser sends it, and nothing is saved (issue 35, point 21).</summary>
    [Fact]
    public async Task A_company_name_the_mandate_cannot_draw_is_refused_at_its_box_and_nothing_is_saved()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var id = await wizard.FillAsync();
        var before = wizard.Load(id)!.AccountHolder;
        var answer = await (await HtmlForm.OpenAsync(wizard.Client, $"/portage/{id}/adresse", "Enregistrer et continuer"))
            .Fill("Raison sociale (si elle figure sur la facture)", "北京贸易有限公司").Fill("Ville", "Paris 🗼").SubmitAsync("Enregistrer et continuer");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = await answer.ReadHtmlAsync();
        Assert.Contains("transcrivez-le en lettres latines", page.QuerySelector("#CompanyName-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("transcrivez-le en lettres latines", page.QuerySelector("#City-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("北京贸易有限公司", page.QuerySelector("#CompanyName")!.GetAttribute("value"));
        Assert.Equal(before, wizard.Load(id)!.AccountHolder);
    }

    [Fact]
    public async Task The_holder_step_starts_from_the_accounts_siret_and_refuses_a_wrong_one_at_its_field()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var id = await wizard.FillAsync();
        var fresh = await wizard.NewDraftAsync();
        var prefilled = await (await wizard.Client.GetAsync($"/portage/{fresh}/adresse")).ReadHtmlAsync();
        Assert.Equal("Boulangerie Martin", prefilled.QuerySelector("#CompanyName")!.GetAttribute("value"));
        Assert.Equal("443 512 098 00015", prefilled.QuerySelector("#Siret")!.GetAttribute("value"));

        var before = wizard.Load(id)!.AccountHolder!;
        var fields = new Dictionary<string, string>
        {
            ["FirstName"] = "Marie", ["LastName"] = "Martin", ["CompanyName"] = "SARL Martin", ["Siret"] = "443 512 098 00016",
            ["Street"] = "8 rue des Boulangers", ["PostalCode"] = "75005", ["City"] = "Paris",
        };
        var response = await wizard.PostAsync(id, "adresse", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ReadHtmlAsync();
        Assert.Equal("Ce SIRET n'existe pas : un chiffre est erroné (clé de contrôle)", doc.QuerySelector("#Siret-error")?.TextContent.Trim());

        fields["CompanyName"] = "";
        fields["Siret"] = "44351209800015";
        doc = await (await wizard.PostAsync(id, "adresse", fields)).ReadHtmlAsync();
        Assert.Contains("raison sociale", doc.QuerySelector("#Siret-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, wizard.Load(id)!.AccountHolder); // nothing saved

        // A line in a person's name: no company, no SIRET.
        fields["Siret"] = "";
        await wizard.StepAsync(id, "adresse", fields, "justificatifs");
        Assert.Null(wizard.Load(id)!.AccountHolder!.Siret);
    }

    [Fact]
    public async Task Signing_needs_the_signers_capacity_and_their_confirmed_authority_each_said_at_its_field()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false);
        var fields = Wizard.Signature(FrenchNumber.Parse(main).E164);
        fields.Remove("Command.SignerAuthorised");
        fields["Command.SignerCapacity"] = "Other";
        fields["Command.SignerCapacityDetail"] = " ";

        var response = await wizard.SignAsync(id, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ReadHtmlAsync();
        Assert.Equal("Précisez votre fonction", doc.QuerySelector("#Command_SignerCapacityDetail-error")?.TextContent.Trim());
        Assert.Equal("Confirmez que vous avez le pouvoir d'engager le titulaire", doc.QuerySelector("#Command_SignerAuthorised-error")?.TextContent.Trim());
        fields["Command.SignerCapacity"] = "Chef"; // no option of the page: a forged post
        doc = await (await wizard.PostForgedAsync(id, "signature", fields)).ReadHtmlAsync();
        Assert.Equal("Choisissez en quelle qualité vous signez", doc.QuerySelector("#Command_SignerCapacity-error")?.TextContent.Trim());
        Assert.Equal(PortRequestStatus.Draft, wizard.Load(id)!.Status);

        fields["Command.SignerCapacity"] = "Other";
        fields["Command.SignerCapacityDetail"] = "Directrice administrative et financière";
        fields["Command.SignerAuthorised"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.SignAsync(id, fields)).StatusCode);
        var mandate = Assert.Single(wizard.Load(id)!.Mandates);
        Assert.Equal("Directrice administrative et financière", mandate.SignerCapacity!.Detail);
    }

    [Fact]
    public async Task A_duplicate_number_and_a_number_of_another_accounts_request_are_refused_without_naming_the_account()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var id = await wizard.NewDraftAsync();
        await wizard.StepAsync(id, "type", new Dictionary<string, string> { ["Command.NumberType"] = "Fixed" }, "operateur");
        var main = Wizard.NextNumber();
        var response = await wizard.PostAsync(id, "numeros", new Dictionary<string, string>
        {
            ["Command.Lines[0].Number"] = main,
            ["Command.Lines[0].Rio"] = Wizard.RioFor("F0X1A2B3C", main),
            ["Command.Lines[1].Number"] = "+33 " + main[1..],
            ["Command.Lines[2].Number"] = "05 56 44 10 21",   // in Cabinet Durand's submitted request
            ["Command.Lines[3].Number"] = "01 42 60 30 11",   // already a number of Boulangerie Martin
        });
        var doc = await response.ReadHtmlAsync();
        Assert.Contains("figure déjà plus haut", doc.QuerySelector(".error-summary a[href='#Command_Lines_1__Number']")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("ne peut pas être porté pour le moment", doc.QuerySelector(".error-summary a[href='#Command_Lines_2__Number']")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("ne peut pas être porté pour le moment", doc.QuerySelector(".error-summary a[href='#Command_Lines_3__Number']")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Durand", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(wizard.Load(id)!.Lines);
    }

    [Fact]
    public async Task Rows_are_added_and_removed_without_javascript_and_nothing_is_saved()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var id = await wizard.NewDraftAsync();
        await wizard.StepAsync(id, "type", new Dictionary<string, string> { ["Command.NumberType"] = "Fixed" }, "operateur");
        var added = await (await wizard.PostAsync(id, "numeros", new Dictionary<string, string>
        {
            ["Command.Lines[0].Number"] = "01 43 99 00 09",
            ["action"] = "ajouter",
        })).ReadHtmlAsync();
        Assert.Equal(2, added.QuerySelectorAll("[data-line-row]").Length);
        Assert.Equal("01 43 99 00 09", added.GetElementById("Command_Lines_0__Number")?.GetAttribute("value"));
        Assert.Null(added.QuerySelector(".error-summary"));

        var removed = await (await wizard.PostAsync(id, "numeros", new Dictionary<string, string>
        {
            ["Command.Lines[0].Number"] = "01 43 99 00 09",
            ["Command.Lines[1].Number"] = "01 43 99 00 08",
            ["Command.Lines[2].Number"] = "01 43 99 00 07",
            ["action"] = "supprimer-1",
        })).ReadHtmlAsync();
        Assert.Equal(2, removed.QuerySelectorAll("[data-line-row]").Length);
        Assert.Equal("01 43 99 00 07", removed.GetElementById("Command_Lines_1__Number")?.GetAttribute("value"));
        Assert.Empty(wizard.Load(id)!.Lines);
    }

    [Fact]
    public async Task Adsl_on_the_same_line_blocks_submission_until_the_admin_confirms_separation()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false, internet: "AdslVdsl", sharedLine: "DontKnow");
        Assert.True(wizard.Load(id)!.IsBlockedByDryLine);

        var page = await (await wizard.Client.GetAsync($"/portage/{id}/signature")).ReadHtmlAsync();
        Assert.NotNull(page.QuerySelector("button[type=submit][disabled]"));
        var refused = await wizard.SignAsync(id, Wizard.Signature(FrenchNumber.Parse(main).E164));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("séparés", Wizard.ErrorSummary(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(PortRequestStatus.Draft, wizard.Load(id)!.Status);

        await wizard.StepAsync(id, "compte?retour=signature".Split('?')[0], new Dictionary<string, string>
        {
            ["Command.ReturnTo"] = "signature",
            ["Command.AccountNumber"] = "FT-123456",
            ["Command.Internet"] = "AdslVdsl",
            ["Command.SharedLine"] = "DontKnow",
            ["Command.LinesSeparated"] = "true",
        }, "signature");
        var accepted = await wizard.SignAsync(id, Wizard.Signature(FrenchNumber.Parse(main).E164));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(PortRequestStatus.Submitted, wizard.Load(id)!.Status);
    }

    [Fact]
    public async Task Signing_needs_the_terms_and_a_name_and_changes_nothing_otherwise()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false);
        var before = wizard.Load(id)!;
        var fields = Wizard.Signature(FrenchNumber.Parse(main).E164, signer: " ");
        fields["Command.AcceptTerms"] = "false";
        fields["Command.DrawnSignature"] = "data:image/png;base64,not-base64!";
        var response = await wizard.SignAsync(id, fields);
        var doc = await response.ReadHtmlAsync();
        Assert.Contains("accepter les conditions", doc.QuerySelector(".error-summary a[href='#Command_AcceptTerms']")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Saisissez votre nom complet", doc.QuerySelector(".error-summary a[href='#Command_SignerName']")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("signature dessinée", doc.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        var after = wizard.Load(id)!;
        Assert.Equal(PortRequestStatus.Draft, after.Status);
        Assert.Equal(before.Version, after.Version);
        Assert.Null(after.Reference);
    }

    [Fact]
    public async Task The_mandate_pdf_is_a_pdf_with_the_holder_every_number_and_the_hash()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main);
        await wizard.SignAsync(id, Wizard.Signature(FrenchNumber.Parse(main).E164));
        var r = wizard.Load(id)!;

        var response = await wizard.Client.GetAsync($"/portage/{id}/mandat.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        var text = Encoding.Latin1.GetString(bytes);
        Assert.Contains("Marie Martin", text, StringComparison.Ordinal);
        Assert.Contains("8 rue des Boulangers", text, StringComparison.Ordinal);
        foreach (var line in r.Lines)
        {
            Assert.Contains(line.Number.Display, text, StringComparison.Ordinal);
        }

        Assert.Contains(r.Lines.Single(l => l.IsMainLine).Rio!.Value, text, StringComparison.Ordinal);
        Assert.Contains(r.Mandates[0].Sha256, text, StringComparison.Ordinal);
        Assert.Contains(r.Reference!, text, StringComparison.Ordinal);

        // Every user of the account may read it; another account may not even see it exists.
        var user = await PortalClient.SignedInAsync(Factory, DemoData.BoulangerieUser);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/portage/{id}/mandat.pdf")).StatusCode);
        var other = await PortalClient.SignedInAsync(Factory, DemoData.DurandAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/portage/{id}/mandat.pdf")).StatusCode);
    }

    [Fact]
    public async Task An_account_user_is_refused_the_wizard_and_another_accounts_admin_gets_not_found()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var id = await wizard.NewDraftAsync();

        var user = await PortalClient.SignedInAsync(Factory, DemoData.BoulangerieUser);
        var refused = await user.GetAsync("/portage");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("réservée aux administrateurs", (await refused.ReadHtmlAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync($"/portage/{id}/type")).StatusCode);

        var other = await PortalClient.SignedInAsync(Factory, DemoData.DurandAdmin);
        foreach (var step in new[] { "type", "operateur", "compte", "numeros", "adresse", "signature" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/portage/{id}/{step}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/portage/{id}")).StatusCode);
        var delete = await PortalClient.PostForgedAsync(other, "/portage", $"/portage/{id}/supprimer", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var post = await PortalClient.PostForgedAsync(other, "/portage", $"/portage/{id}/type", new Dictionary<string, string> { ["Command.NumberType"] = "Mobile" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(wizard.Load(id)!.NumberType);
    }

    [Fact]
    public async Task A_draft_can_be_deleted_by_its_admin_but_a_submitted_request_cannot()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var id = await wizard.NewDraftAsync();
        var deleted = await PortalClient.PostFormAsync(wizard.Client, "/portage", $"/portage/{id}/supprimer", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(wizard.Load(id));
        var landing = await (await wizard.Client.GetAsync(deleted.Headers.Location)).ReadHtmlAsync();
        Assert.Equal("Le brouillon est supprimé.", landing.QuerySelector("[data-confirmation]")?.TextContent.Trim()); // issue 36, point 11

        Guid submitted;
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            submitted = await db.PortRequests.IgnoreQueryFilters().Where(r => r.Status == PortRequestStatus.Submitted && r.CreatedByUserId != "x")
                .Join(db.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == "Boulangerie Martin"), r => r.AccountId, a => a.Id, (r, a) => r.Id)
                .FirstOrDefaultAsync();
        }

        if (submitted != Guid.Empty)
        {
            await PortalClient.PostForgedAsync(wizard.Client, "/portage", $"/portage/{submitted}/supprimer", new Dictionary<string, string>());
            Assert.NotNull(wizard.Load(submitted));
        }
    }

    [Fact]
    public async Task A_draft_untouched_for_thirty_days_has_expired()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var id = await wizard.NewDraftAsync();
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.PortRequests.IgnoreQueryFilters().Where(r => r.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.UpdatedAtUtc, DateTime.UtcNow.AddDays(-31)));
        }

        var response = await wizard.Client.GetAsync($"/portage/{id}/type");
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("Ce brouillon a expiré", (await response.ReadHtmlAsync()).QuerySelector("h1")?.TextContent.Trim());
        var list = await (await wizard.Client.GetAsync("/portage")).ReadHtmlAsync();
        Assert.Null(list.QuerySelector($"a[href='/portage/{id}/type']"));
    }
}
