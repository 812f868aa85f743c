using System.Net;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

/// <summary>
/// A body over its page's limit (issue 35, points 15 and 19): the documents form sent with more than it accepts is
/// answered 413 with a page that says the limit (it was "Demande invalide", 400: the antiforgery check read the form
/// first and failed on the cut body), the API the same as problem details, and the request's log line says what the
/// client got, at Information (it read "responded 500" at Error, so an alert on errors woke someone for a user's file).
/// </summary>
public class BodyLimitTests
{
    [Fact]
    public async Task An_upload_over_the_limit_is_answered_413_with_the_limit_and_logged_as_413_not_as_an_error()
    {
        using var factory = new PortalFactory();
        var wizard = await Wizard.StartAsync(factory);
        var id = await wizard.FillAsync(); // the bill attached
        var documents = wizard.Load(id)!.Documents.Count;
        var linesBefore = factory.Logs.Events.Count;
        var form = (await HtmlForm.OpenAsync(wizard.Client, $"/portage/{id}/justificatifs", "Ajouter"))
            .Choose("Facture de l'opérateur actuel")
            .Attach("Fichiers", ("facture.pdf", new byte[(int)Web.Features.PortingWizard.AttachDocuments.MaxRequestBytes + 1], "application/pdf"));

        var answer = await form.SubmitAsync("Ajouter");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        var page = await answer.ReadHtmlAsync();
        Assert.Equal("Envoi trop volumineux", page.QuerySelector("h1")?.TextContent.Trim());
        var limit = Web.Features.PortingWizard.AttachDocuments.MaxRequestBytes / (1024 * 1024);
        Assert.Contains($"dépasse {limit} Mo", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(documents, wizard.Load(id)!.Documents.Count);

        var path = $"/portage/{id}/justificatifs";
        var line = Assert.Single(factory.Logs.Events.Skip(linesBefore), e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)
            && e.Properties.TryGetValue("RequestPath", out var p) && p.ToString() == $"\"{path}\"" && e.Properties["RequestMethod"].ToString() == "\"POST\"");
        Assert.Equal("413", line.Properties["StatusCode"].ToString());
        Assert.Equal(Serilog.Events.LogEventLevel.Information, line.Level);
        Assert.DoesNotContain(factory.Logs.Events.Skip(linesBefore), e => e.Level >= Serilog.Events.LogEventLevel.Error);
    }

    [Fact]
    public async Task An_api_body_over_the_limit_is_a_413_problem_logged_as_413()
    {
        using var factory = new PortalFactory();
        var api = ApiClients.For(factory, await ApiClients.KeyAsync(factory, "Boulangerie Martin"));
        var body = "{\"numberType\":\"fixed\",\"pad\":\"" + new string('x', (int)Web.Infrastructure.Api.PortalApiController.MaxBodyBytes) + "\"}";

        var answer = await api.PostJsonAsync("/api/v1/port-requests", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Equal("Api.TooLarge", (await answer.JsonAsync()).GetProperty("code").GetString());
        var line = Assert.Single(factory.Logs.Events, e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)
            && e.Properties["RequestPath"].ToString() == "\"/api/v1/port-requests\"" && e.Properties["RequestMethod"].ToString() == "\"POST\"");
        Assert.Equal("413", line.Properties["StatusCode"].ToString());
        Assert.Equal(Serilog.Events.LogEventLevel.Information, line.Level);
    }
}
