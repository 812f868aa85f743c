using System.Net;
using System.Text;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.PortingWizard;

/// <summary>
/// The numbers step at block size (issue 15, part 1): rows, a range, a pasted list and a CSV file add up to 1,000
/// numbers; every problem is named by its field or its line, all at once, and nothing is saved until the whole entry is
/// valid. Each test uses its own 0ZABPQ block (01 47 1x …) so that no number is taken by another test's request.
/// </summary>
public class NumbersStepTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private PortalFactory Factory => portal.Factory;

    private static async Task<(Wizard Wizard, Guid Id)> DraftAsync(PortalFactory factory, string type = "Fixed")
    {
        var wizard = await Wizard.StartAsync(factory);
        var id = await wizard.NewDraftAsync();
        await wizard.StepAsync(id, "type", new Dictionary<string, string> { ["Command.NumberType"] = type }, "operateur");
        await wizard.StepAsync(id, "operateur", new Dictionary<string, string> { ["Command.CarrierCode"] = type == "Fixed" ? "F0" : "01" }, "compte");
        return (wizard, id);
    }

    private static Dictionary<string, string> MainLine(string number) => new()
    {
        ["Command.Lines[0].Number"] = number,
        ["Command.Lines[0].Rio"] = Wizard.RioFor("F0X1A2B3C", number),
    };

    /// <summary>The summary's messages for <paramref name="field"/>: its entry's link, then the messages listed under it.</summary>
    private static string[] Errors(AngleSharp.Html.Dom.IHtmlDocument page, string field) =>
        [.. page.QuerySelectorAll($".error-summary a[href='#{field}']").SelectMany(a => new[] { a.TextContent.Trim() }
            .Concat(a.ParentElement!.QuerySelectorAll("[data-more-errors] li").Select(li => li.TextContent.Trim())))];

    [Fact]
    public async Task Rows_a_range_a_list_and_a_file_add_up_in_order_and_come_back_as_ranges()
    {
        var (wizard, id) = await DraftAsync(Factory);
        var fields = MainLine("01 47 10 00 00");
        fields["Command.RangeFrom"] = "01 47 10 01 00";
        fields["Command.RangeTo"] = "0147100199";
        fields["Command.Paste"] = "+33 1 47 10 02 00; 01.47.10.02.01\n01 47 10 03 00 à 01 47 10 03 49\n";
        var file = Encoding.UTF8.GetBytes("numero;rio\r\n\"01 47 10 04 00\";\r\n01 47 10 04 01 - 01 47 10 04 09;\r\n");
        var response = await PortalClient.PostMultipartAsync(wizard.Client, $"/portage/{id}/numeros", $"/portage/{id}/numeros", fields, "Command.File", "numeros.csv", file);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var lines = wizard.Load(id)!.Lines.OrderBy(l => l.Position).ToList();
        Assert.Equal(1 + 100 + 2 + 50 + 10, lines.Count);
        Assert.Equal("01 47 10 00 00", lines[0].Number.Display);
        Assert.True(lines[0].IsMainLine);
        Assert.Equal("01 47 10 01 00", lines[1].Number.Display);
        Assert.Equal("01 47 10 02 00", lines[101].Number.Display);
        Assert.Equal("01 47 10 04 09", lines[^1].Number.Display);
        Assert.All(lines.Skip(1), l => Assert.Null(l.Rio));

        // Shown back: the main line as a row, every other number in the list box, consecutive ones as ranges.
        var page = await (await wizard.Client.GetAsync($"/portage/{id}/numeros")).ReadHtmlAsync();
        Assert.Equal("01 47 10 00 00", page.GetElementById("Command_Lines_0__Number")?.GetAttribute("value"));
        Assert.Equal(["01 47 10 01 00 – 01 47 10 02 01", "01 47 10 03 00 – 01 47 10 03 49", "01 47 10 04 00 – 01 47 10 04 09"],
            page.GetElementById("Command_Paste")!.TextContent.Trim().Split('\n'));
        Assert.NotNull(page.QuerySelector("form[enctype='multipart/form-data']"));

        // Saved again as shown: the same numbers.
        var again = await wizard.PostAsync(id, "numeros", new Dictionary<string, string>(MainLine("01 47 10 00 00"))
        {
            ["Command.Paste"] = page.GetElementById("Command_Paste")!.TextContent,
        });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(lines.Select(l => l.Number.E164), wizard.Load(id)!.Lines.OrderBy(l => l.Position).Select(l => l.Number.E164));
    }

    [Fact]
    public async Task A_block_is_chosen_from_signed_and_shown_as_one_run_in_the_pages_and_the_mandate()
    {
        var wizard = await Wizard.StartAsync(Factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false);
        var fields = new Dictionary<string, string>(MainLine(main)) { ["Command.RangeFrom"] = "01 47 18 00 01", ["Command.RangeTo"] = "01 47 18 02 00", ["Command.ReturnTo"] = "signature" };
        Assert.Equal($"/portage/{id}/signature", (await wizard.PostAsync(id, "numeros", fields)).Headers.Location?.OriginalString);

        // The signature page: the block as one run, and the main number chosen from a list rather than 201 radio buttons.
        var sign = await (await wizard.Client.GetAsync($"/portage/{id}/signature")).ReadHtmlAsync();
        var block = sign.QuerySelector(".summary-list li[data-block='200'] summary")!.TextContent;
        Assert.Equal("01 47 18 00 01 à 01 47 18 02 00 (200 numéros)", block.Trim().Replace('\u00a0', ' '));
        Assert.Equal(200, sign.QuerySelectorAll(".summary-list li[data-block] details li").Length);
        Assert.Empty(sign.QuerySelectorAll("input[type=radio][name='Command.MainNumber']"));
        Assert.True(sign.QuerySelectorAll("select#Command_MainNumber option").Length >= 201);

        var response = await wizard.SignAsync(id, Wizard.Signature(FrenchNumber.Parse("01 47 18 00 42").E164));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var r = wizard.Load(id)!;
        Assert.Equal(PortRequestStatus.Submitted, r.Status);
        Assert.Equal(201, r.Lines.Count);
        Assert.Equal("+33147180042", r.MainOomaNumber!.E164);

        // The customer's page and the desk's: the main line, then the block as one run with its status.
        var detail = await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        Assert.Equal(2, detail.QuerySelectorAll("[data-lines] > li").Length);
        Assert.Contains("(200 numéros) — en attente", detail.QuerySelector("[data-lines] li[data-block='200'] summary")!.TextContent, StringComparison.Ordinal);
        var support = await PortalClient.SignedInAsync(Factory, DemoData.SupportAgent);
        var desk = await (await support.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        Assert.NotNull(desk.QuerySelector("[data-lines] li[data-block='200']"));

        // The mandate names the block in one line.
        var pdf = System.Text.Encoding.Latin1.GetString(await (await wizard.Client.GetAsync($"/portage/{id}/mandat.pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains(@"01 47 18 00 01 à 01 47 18 02 00 \(200 numéros\)", pdf, StringComparison.Ordinal); // parentheses escaped in a PDF string
    }

    [Fact]
    public async Task A_thousand_line_paste_with_three_bad_lines_shows_the_three_and_saves_nothing()
    {
        var (wizard, id) = await DraftAsync(Factory);
        var pasted = Enumerable.Range(1, 999).Select(i => $"01 47 11 {i / 100:D2} {i % 100:D2}").ToArray();
        pasted[36] = "01 47 11 0";                    // line 37: incomplete
        pasted[499] = "08 00 11 22 33";               // line 500: a special number
        pasted[997] = "01 47 11 00 01";               // line 998: the same as line 1
        var fields = MainLine("01 47 11 00 00");
        fields["Command.Paste"] = string.Join("\n", pasted);
        var response = await wizard.PostAsync(id, "numeros", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        var errors = Errors(page, "Command_Paste");
        Assert.Equal(3, errors.Length);
        Assert.StartsWith("Ligne 37 (« 01 47 11 0 ») : Saisissez un numéro français valide", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Ligne 500 (« 08 00 11 22 33 ») : Les numéros spéciaux en 08", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("Ligne 998 (« 01 47 11 00 01 ») : Ce numéro figure déjà plus haut", errors[2], StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll("#Command_Paste-error, .field-error li").Length);
        Assert.Contains("01 47 11 0\n", page.GetElementById("Command_Paste")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("&#xD;", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the browser posted CRLF
        Assert.Empty(wizard.Load(id)!.Lines);
    }

    [Fact]
    public async Task The_template_downloads_and_a_filled_copy_of_it_is_read_back()
    {
        var template = await Factory.CreateClient().GetAsync("/modeles/numeros-a-porter.csv");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var bytes = await template.Content.ReadAsByteArrayAsync();
        Assert.Equal("\uFEFFnumero;rio\r\n", Encoding.UTF8.GetString(bytes));

        var filled = new StringBuilder(Encoding.UTF8.GetString(bytes));
        for (var i = 1; i <= 150; i++)
        {
            filled.Append(System.Globalization.CultureInfo.InvariantCulture, $"01 47 12 {i / 100:D2} {i % 100:D2};\r\n");
        }

        var (wizard, id) = await DraftAsync(Factory);
        var response = await PortalClient.PostMultipartAsync(wizard.Client, $"/portage/{id}/numeros", $"/portage/{id}/numeros", MainLine("01 47 12 00 00"),
            "Command.File", "modele rempli.csv", Encoding.UTF8.GetBytes(filled.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(151, wizard.Load(id)!.Lines.Count);
    }

    [Fact]
    public async Task Every_mobile_needs_its_rio_on_its_line()
    {
        var (wizard, id) = await DraftAsync(Factory, "Mobile");
        const string Head = "06 47 13 00 00";
        var response = await wizard.PostAsync(id, "numeros", new Dictionary<string, string>
        {
            ["Command.Lines[0].Number"] = Head,
            ["Command.Lines[0].Rio"] = Wizard.RioFor("01P123456", Head),
            ["Command.Paste"] = $"06 47 13 00 01 {Wizard.RioFor("01P123457", "06 47 13 00 01")}\n06 47 13 00 02\n",
        });
        var page = await response.ReadHtmlAsync();
        var error = Assert.Single(Errors(page, "Command_Paste"));
        Assert.StartsWith("Ligne 2 (« 06 47 13 00 02 ») : Saisissez le RIO de ce numéro mobile", error, StringComparison.Ordinal);
        Assert.Empty(wizard.Load(id)!.Lines);
    }

    /// <summary>
    /// A pasted list's mistakes come in line order, whichever check found them, and the summary names the box once
    /// (issue 36, point 14: a 1,000-line paste gave 51 entries, out of order, all pointing at the same box).
    /// </summary>
    [Fact]
    public async Task A_pastes_mistakes_are_listed_in_line_order_and_the_summary_names_the_box_once()
    {
        var (wizard, id) = await DraftAsync(Factory);
        var fields = MainLine("01 47 16 00 00");
        fields["Command.Paste"] = "06 12 34 56 78\nceci n'est pas un numéro\n01 47 16 00 01\n";
        var page = await (await wizard.PostAsync(id, "numeros", fields)).ReadHtmlAsync();

        Assert.Single(page.QuerySelectorAll(".error-summary a[href='#Command_Paste']"));
        var summary = Errors(page, "Command_Paste");
        Assert.Equal(2, summary.Length);
        Assert.StartsWith("Ligne 1", summary[0], StringComparison.Ordinal);
        Assert.StartsWith("Ligne 2", summary[1], StringComparison.Ordinal);
        var atField = page.QuerySelector("[data-valmsg-for='Command.Paste']")!.TextContent + " "
            + string.Join(" ", page.QuerySelectorAll("ul.field-error li").Select(li => li.TextContent));
        Assert.True(atField.IndexOf("Ligne 1", StringComparison.Ordinal) < atField.IndexOf("Ligne 2", StringComparison.Ordinal), atField);
    }

    /// <summary>
    /// A mobile line is not asked about internet, nor offered the fixed-line block (issue 36, point 13): the account step
    /// has no internet question and its form, sent as rendered with the account number alone, goes on to the numbers;
    /// the numbers step offers no range of consecutive numbers.
    /// </summary>
    [Fact]
    public async Task A_mobile_request_is_not_asked_about_internet_nor_offered_a_block_of_numbers()
    {
        var (wizard, id) = await DraftAsync(Factory, "Mobile");
        var account = await HtmlForm.OpenAsync(wizard.Client, $"/portage/{id}/compte", "Enregistrer et continuer");
        Assert.False(account.Has("Command.Internet"), "a mobile request is asked for its internet connection");
        Assert.False(account.Has("Command.SharedLine"));
        var saved = await account.Fill("Numéro de compte client chez", "MOB-123456").SubmitAsync("Enregistrer et continuer");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith($"/portage/{id}/numeros", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var draft = wizard.Load(id)!;
        Assert.Equal("MOB-123456", draft.CarrierAccountNumber!.Value);
        Assert.Null(draft.InternetConnection);
        Assert.False(draft.MissingForSubmission().HasFlag(WizardSection.CarrierAccount));

        var numbers = await (await wizard.Client.GetAsync($"/portage/{id}/numeros")).ReadHtmlAsync();
        Assert.Null(numbers.QuerySelector("[data-range]"));
        Assert.Null(numbers.QuerySelector("input[name='Command.RangeFrom']"));

        // A fixed request is still asked, and refused without an answer, at the field.
        var (fixedWizard, fixedId) = await DraftAsync(Factory);
        var fixedAccount = await HtmlForm.OpenAsync(fixedWizard.Client, $"/portage/{fixedId}/compte", "Enregistrer et continuer");
        Assert.True(fixedAccount.Has("Command.Internet"));
        var refused = await fixedAccount.Fill("Numéro de compte client chez", "FT-123456").SubmitAsync("Enregistrer et continuer");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Single(Errors(await refused.ReadHtmlAsync(), "Command_Internet"));
    }

    public static TheoryData<string, string, string, string> Refusals() => new()
    {
        { "Command.RangeFrom=01 47 14 00 99|Command.RangeTo=01 47 14 00 10", "Command_RangeTo", "la tranche finit avant de commencer", "" },
        { "Command.RangeFrom=01 47 14 00 00|Command.RangeTo=01 47 15 00 10", "Command_RangeTo", "mêmes six premiers chiffres", "" },
        { "Command.RangeFrom=01 47 14 00 00|Command.RangeTo=", "Command_RangeTo", "Saisissez un numéro de téléphone", "" },
        { "Command.Paste=01 47 14 00 10 à", "Command_Paste", "Ligne 1 (« 01 47 14 00 10 à ») : il manque le dernier numéro de la tranche", "" },
        { "Command.Paste=0147140011 0147140012 02P123456O63 02P123456O63", "Command_Paste", "ce RIO ne suit aucun numéro", "" },
        { "", "Command_File", "Ligne 2 (« =cmd|' /C calc'!A0 ») : ce n'est ni un numéro ni un RIO", "numero;rio\n=cmd|' /C calc'!A0;\n" },
        { "", "Command_File", "Ce fichier n'est pas un fichier CSV ni une liste de texte", "binary" },
        { "", "Command_File", "Le fichier dépasse 1 Mo", "big" },
        { "", "Command_Lines", "Une demande compte au plus 1\u202f000 numéros", "many" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Bad_entries_are_refused_at_their_field_and_change_nothing(string posted, string field, string message, string file)
    {
        var (wizard, id) = await DraftAsync(Factory);
        var fields = MainLine("01 47 14 00 00");
        foreach (var pair in posted.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            fields[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
        }

        var content = file switch
        {
            "binary" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52],
            "big" => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("01 47 14 00 01;\r\n", 62_000))),
            "many" => Encoding.ASCII.GetBytes(string.Join("\r\n", Enumerable.Range(0, 10_000).Select(i => $"0147{i:D6}"))),
            "" => null,
            _ => Encoding.UTF8.GetBytes(file),
        };
        var response = content is null
            ? await wizard.PostAsync(id, "numeros", fields)
            : await PortalClient.PostMultipartAsync(wizard.Client, $"/portage/{id}/numeros", $"/portage/{id}/numeros", fields, "Command.File", "liste.csv", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Errors(await response.ReadHtmlAsync(), field);
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
        Assert.Empty(wizard.Load(id)!.Lines);
    }

    [Fact]
    public async Task A_file_far_over_the_limit_is_refused_before_it_is_read_and_changes_nothing()
    {
        var (wizard, id) = await DraftAsync(Factory);
        var response = await PortalClient.PostMultipartAsync(wizard.Client, $"/portage/{id}/numeros", $"/portage/{id}/numeros", MainLine("01 47 16 00 00"),
            "Command.File", "enorme.csv", new byte[5_000_000]);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
        Assert.Empty(wizard.Load(id)!.Lines);
    }

    [Fact]
    public async Task A_windows_1252_file_with_an_accented_heading_is_read()
    {
        var (wizard, id) = await DraftAsync(Factory);
        var cp1252 = new byte[] { (byte)'N', (byte)'u', (byte)'m', 0xE9, (byte)'r', (byte)'o', (byte)'\r', (byte)'\n' }
            .Concat(Encoding.ASCII.GetBytes("01 47 17 00 01\r\n01 47 17 00 02\r\n")).ToArray();
        var response = await PortalClient.PostMultipartAsync(wizard.Client, $"/portage/{id}/numeros", $"/portage/{id}/numeros", MainLine("01 47 17 00 00"),
            "Command.File", "liste.csv", cp1252);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(3, wizard.Load(id)!.Lines.Count);
    }

    [Fact]
    public async Task A_windows_1252_file_is_echoed_in_its_own_letters_when_a_line_is_wrong()
    {
        var (wizard, id) = await DraftAsync(Factory);
        // As a French spreadsheet saves "CSV (séparateur : point-virgule)": Windows-1252, where é is one byte (0xE9)
        // and the euro sign 0x80 (which Latin-1 does not have).
        var cp1252 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!
            .GetBytes("Numéro;RIO\r\n01 47 17 00 01;\r\nGérard 12 €;\r\n");
        var form = await HtmlForm.OpenAsync(wizard.Client, $"/portage/{id}/numeros", "Enregistrer et continuer");
        form.Fill("Numéro", "01 47 17 00 00").Attach("Ou envoyer un fichier CSV", ("liste.csv", cp1252, "text/csv"));
        var response = await form.SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        var errors = string.Join(" | ", Errors(page, "Command_File"));
        Assert.Contains("Gérard 12 €", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(wizard.Load(id)!.Lines);
    }
}
