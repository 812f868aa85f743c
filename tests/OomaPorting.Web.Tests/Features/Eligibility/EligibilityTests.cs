using System.Net;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Eligibility;

public class EligibilityTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Theory]
    [InlineData("01 23 45 67 89", "Numéro fixe géographique", "peut être porté", true)]
    [InlineData("+33 9 51 00 00 00", "non géographique (09)", "peut être porté", true)]
    [InlineData("06 12 34 56 78", "Numéro mobile", "Ce type de numéro mobile peut être porté", true)]
    [InlineData("08 92 00 00 00", "Numéro spécial (08)", "ne peuvent pas être portés par ce portail", false)]
    [InlineData("+262 262 12 34 56", null, "outre-mer", false)]
    public async Task One_number_in_a_clear_verdict_out(string number, string? kind, string verdict, bool portable)
    {
        var response = await PortalClient.Anonymous(portal.Factory).GetAsync("/portabilite?Number=" + Uri.EscapeDataString(number));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.ReadHtmlAsync()).QuerySelector("[role=status]");
        Assert.NotNull(result);
        if (kind is not null)
        {
            Assert.Contains(kind, result.TextContent, StringComparison.Ordinal);
        }

        Assert.Contains(verdict, result.TextContent, StringComparison.Ordinal);
        Assert.Equal(portable, result.QuerySelector("a[href='/portage']") is not null);
        Assert.DoesNotContain("Boulangerie", result.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// Anyone may ask: an Ooma customer's number, a number under a port, and a number nobody knows get the same answer,
    /// so the check cannot be used to list Ooma's customers (issue 14, point 7).
    /// </summary>
    /// <summary>
    /// Issue 36, point 8: the form submitted empty says so at its field, and "Démarrer un portage" is offered only to
    /// whoever may start one (an account user was sent on to a 403).
    /// </summary>
    [Fact]
    public async Task Submitted_empty_it_says_so_and_only_those_who_may_start_a_port_are_offered_to()
    {
        async Task<AngleSharp.Html.Dom.IHtmlDocument> CheckAsync(HttpClient client, string number) =>
            await (await (await HtmlForm.OpenAsync(client, "/portabilite", "Vérifier")).Fill("Numéro de téléphone", number).SubmitAsync("Vérifier")).ReadHtmlAsync();

        var anonymous = PortalClient.Anonymous(portal.Factory);
        var empty = await CheckAsync(anonymous, "");
        Assert.False(string.IsNullOrWhiteSpace(empty.GetElementById("Number-error")?.TextContent), "no message for an empty number");
        Assert.NotNull(empty.QuerySelector(".error-summary a[href='#Number']"));
        Assert.Null((await (await anonymous.GetAsync("/portabilite")).ReadHtmlAsync()).GetElementById("Number-error")); // a first visit asks nothing

        Assert.NotNull((await CheckAsync(anonymous, "01 45 00 00 00")).QuerySelector("[data-start-port] a[href='/portage']"));
        Assert.NotNull((await CheckAsync(await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieAdmin), "01 45 00 00 00"))
            .QuerySelector("[data-start-port]"));
        Assert.Null((await CheckAsync(await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieUser), "01 45 00 00 00"))
            .QuerySelector("[data-start-port]"));
        Assert.Null((await CheckAsync(await PortalClient.SignedInAsync(portal.Factory, DemoData.SupportAgent), "01 45 00 00 00"))
            .QuerySelector("[data-start-port]"));
    }

    [Fact]
    public async Task The_answer_comes_from_the_number_alone_never_from_who_holds_it()
    {
        async Task<string> VerdictAsync(string number)
        {
            var page = await (await PortalClient.Anonymous(portal.Factory).GetAsync("/portabilite?Number=" + Uri.EscapeDataString(number))).ReadHtmlAsync();
            var status = page.QuerySelector("[role=status]")!;
            status.QuerySelector(".number")!.Remove();
            return status.InnerHtml;
        }

        var unknown = await VerdictAsync("01 23 45 67 89");
        Assert.Equal(unknown, await VerdictAsync("01 42 60 30 10")); // Boulangerie Martin's, ported to Ooma
        Assert.Equal(unknown, await VerdictAsync("01 42 60 30 11")); // idem, assigned to a user
        Assert.Equal(await VerdictAsync("05 61 00 00 01"), await VerdictAsync("05 56 44 10 20")); // under a port by Cabinet Durand
    }

    [Theory]
    [InlineData("abc", "Saisissez un numéro français valide")]
    [InlineData("01 23", "Saisissez un numéro français valide")]
    [InlineData("+44 20 7946 0958", "France métropolitaine")]
    public async Task A_wrong_number_gets_a_message_on_the_field(string number, string message)
    {
        var doc = await (await PortalClient.Anonymous(portal.Factory).GetAsync("/portabilite?Number=" + Uri.EscapeDataString(number))).ReadHtmlAsync();
        Assert.StartsWith("Erreur :", doc.Title, StringComparison.Ordinal);
        Assert.Contains(message, doc.QuerySelector(".error-summary a[href='#Number']")?.TextContent, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("[role=status]"));
    }

    [Fact]
    public async Task The_public_check_is_rate_limited_per_client()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Eligibility:PermitPerMinute"] = "3" });
        var client = PortalClient.Anonymous(factory);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/portabilite?Number=0123456789")).StatusCode);
        }

        var limited = await client.GetAsync("/portabilite?Number=0123456789");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Trop de tentatives", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
