using System.Net;
using OomaPorting.Web.Data;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>A support agent at the console: reads a request's page, posts one of its action forms with the version it saw.</summary>
public sealed class SupportDesk(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static async Task<SupportDesk> SignInAsync(PortalFactory factory) =>
        new(await PortalClient.SignedInAsync(factory, DemoData.SupportAgent));

    public async Task<int> VersionAsync(Guid id)
    {
        var doc = await (await Client.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        return int.Parse(doc.QuerySelector("input[name=Version]")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Posts an action with the version shown now; answers the response.</summary>
    public async Task<HttpResponseMessage> ActAsync(Guid id, string action, Dictionary<string, string> fields, int? version = null)
    {
        var token = await PortalClient.TokenAsync(Client, $"/support/portages/{id}");
        fields["Version"] = (version ?? await VersionAsync(id)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await PortalClient.PostWithTokenAsync(Client, $"/support/portages/{id}/{action}", token, fields);
    }

    public async Task DoAsync(Guid id, string action, Dictionary<string, string> fields)
    {
        var response = await ActAsync(id, action, fields);
        var body = response.StatusCode == HttpStatusCode.Redirect ? string.Empty : Wizard.ErrorSummary(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action}: {(int)response.StatusCode} {body}");
    }

    /// <summary>"Pièces vérifiées": the pre-check every submission waits for before its FOC date.</summary>
    public Task CheckDocumentsAsync(Guid id) => DoAsync(id, "pieces-verifiees", []);

    /// <summary>The pre-check when the request still waits for it (a first FOC date), nothing when its FOC date only moves.</summary>
    public async Task CheckDocumentsIfWaitingAsync(Guid id)
    {
        var page = await (await Client.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        if (page.QuerySelector("form[action$='/pieces-verifiees']") is not null)
        {
            await CheckDocumentsAsync(id);
        }
    }

    /// <summary>Posts a body with several values for one name (checkboxes).</summary>
    public async Task<HttpResponseMessage> ActWithReasonsAsync(Guid id, string action, Dictionary<string, string> fields, params string[] reasons)
    {
        var token = await PortalClient.TokenAsync(Client, $"/support/portages/{id}");
        var pairs = fields.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)).ToList();
        pairs.Add(new("Version", (await VersionAsync(id)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        pairs.Add(new("__RequestVerificationToken", token));
        pairs.AddRange(reasons.Select(r => new KeyValuePair<string, string>("Reasons", r)));
        return await Client.PostAsync($"/support/portages/{id}/{action}", new FormUrlEncodedContent(pairs));
    }
}
