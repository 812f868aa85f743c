using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Common;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Webhooks;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Webhooks;

/// <summary>
/// Webhooks as in production (no local targets): what the page refuses, an address that resolves into the portal's
/// own network refused when connecting, a day of failures, another account's endpoints.
/// </summary>
public class WebhookSafetyTests(WebhookSafetyTests.ProductionLikePortal portal) : IClassFixture<WebhookSafetyTests.ProductionLikePortal>
{
    private readonly FakeTimeProvider clock = portal.Clock;
    private readonly PortalFactory factory = portal.Factory;

    /// <summary>One portal as in production (no local targets) for the tests that do not move its clock.</summary>
    public sealed class ProductionLikePortal : IDisposable
    {
        public FakeTimeProvider Clock { get; } = new(ClockedPortal.Start);

        public PortalFactory Factory { get; }

        public ProductionLikePortal() => Factory = WebhookPortal.Make(Clock, allowLocal: false);

        public void Dispose() => Factory.Dispose();
    }

    /// <summary>An endpoint written straight to the database, as a developer's machine would have let it be registered.</summary>
    internal static async Task<Guid> LocalEndpointAsync(PortalFactory factory, FakeTimeProvider clock, string company, string url, WebhookEvents events)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var accountId = await db.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == company).Select(a => a.Id).SingleAsync();
        var (endpoint, secret) = WebhookEndpoint.Register(accountId, url, events, new Actor("test", ActorRole.AccountAdmin, "Test"), 0, allowLocal: true,
            clock.GetUtcNow().UtcDateTime);
        endpoint.KeepSecret(scope.ServiceProvider.GetRequiredService<WebhookSecrets>().Protect(secret));
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync();
        return endpoint.Id;
    }

    private int Endpoints()
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookEndpoints.IgnoreQueryFilters().Count();
    }

    private Task<Guid> LocalEndpointAsync(string company, string url, WebhookEvents events) => LocalEndpointAsync(factory, clock, company, url, events);

    [Theory]
    [InlineData("", "FocSet", "Indiquez l&#x27;adresse qui recevra les événements.")]
    [InlineData("http://erp.exemple.fr/hooks", "FocSet", "L&#x27;adresse doit commencer par https://")]
    [InlineData("https://10.0.0.8/hooks", "FocSet", "Cette adresse désigne un réseau privé")]
    [InlineData("https://localhost:8443/hooks", "FocSet", "Cette adresse désigne un réseau privé")]
    [InlineData("https://admin:secret@erp.exemple.fr/hooks", "FocSet", "Retirez l&#x27;identifiant et le mot de passe")]
    [InlineData("https://erp.exemple.fr/hooks", null, "Cochez au moins un événement.")]
    [InlineData("https://erp.exemple.fr/hooks", "Everything", "Cochez au moins un événement.")]
    public async Task The_page_refuses_an_address_or_a_choice_it_cannot_deliver_to_and_saves_nothing(string url, string? events, string message)
    {
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var before = Endpoints();
        List<KeyValuePair<string, string>> fields = [new("Url", url)];
        if (events is not null)
        {
            fields.Add(new("Events", events));
        }

        var response = await Hooks.PostAsync(admin, "/integrations/webhooks", "/integrations/webhooks", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("data-error-summary", html, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", html, StringComparison.Ordinal);
        Assert.Equal(before, Endpoints());
    }

    [Fact]
    public async Task The_secret_is_shown_once_never_cached_and_kept_encrypted()
    {
        var admin = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        var response = await Hooks.PostAsync(admin, "/integrations/webhooks", "/integrations/webhooks",
            [new("Url", "https://erp.cabinet-durand.example/hooks"), new("Events", "Completed")]);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var html = await response.Content.ReadAsStringAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(html, "value=\"(whsec_[^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookEndpoints.IgnoreQueryFilters()
            .SingleAsync(e => e.Url == "https://erp.cabinet-durand.example/hooks");
        Assert.DoesNotContain(secret[6..], stored.SecretCipher, StringComparison.Ordinal);
        Assert.Equal(secret, scope.ServiceProvider.GetRequiredService<WebhookSecrets>().Unprotect(stored.SecretCipher));
        foreach (var page in new[] { "/integrations/webhooks", $"/integrations/webhooks/{stored.Id}" })
        {
            var body = await (await admin.GetAsync(page)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }

        Assert.Contains(stored.SecretHint, await (await admin.GetAsync($"/integrations/webhooks/{stored.Id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_that_resolves_to_the_loopback_is_refused_when_connecting_and_nothing_is_sent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var port = new Uri(receiver.Url).Port;
        var endpointId = await LocalEndpointAsync("Boulangerie Martin", $"http://localhost:{port}/hooks/ooma", WebhookEvents.FocSet);
        var (id, _) = await Wizard.SubmittedAsync(factory);
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        await factory.Services.GetRequiredService<WebhookProcessor>().DispatchDueAsync(CancellationToken.None);

        Assert.Empty(receiver.Calls);
        var delivery = Assert.Single(Hooks.Deliveries(factory, endpointId));
        Assert.Equal(WebhookFailure.Address, delivery.LastError);
        Assert.Equal(1, delivery.Attempts);
        await Assert.ThrowsAsync<WebhookSender.RefusedAddressException>(async () =>
            await WebhookSender.ConnectAsync(new DnsEndPoint("localhost", port), allowLocal: false, CancellationToken.None));
    }

    [Fact]
    public async Task Another_accounts_endpoint_is_not_found_and_left_untouched()
    {
        var endpointId = await LocalEndpointAsync("Boulangerie Martin", "https://erp.boulangerie.example/hooks", WebhookEvents.All);
        var other = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/integrations/webhooks/{endpointId}")).StatusCode);
        foreach (var action in new[] { "desactiver", "test", "supprimer", $"livraisons/{Guid.NewGuid()}/renvoyer" })
        {
            var response = await PortalClient.PostForgedAsync(other, "/integrations/webhooks", $"/integrations/webhooks/{endpointId}/{action}",
                new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var scope = factory.Services.CreateScope();
        var endpoint = await scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookEndpoints.IgnoreQueryFilters().SingleAsync(e => e.Id == endpointId);
        Assert.True(endpoint.IsEnabled);
        Assert.Empty(Hooks.Deliveries(factory, endpointId));
    }

    /// <summary>
    /// A host name is resolved when the address is registered (issue 35, point 14: names were only resolved at
    /// delivery, though docs/api.md said otherwise): one that points into a network is refused at the field, and
    /// nothing is saved; a public one, and one that does not resolve yet, are kept (each delivery resolves again).
    /// </summary>
    [Fact]
    public async Task A_name_that_resolves_into_a_network_is_refused_at_registration_and_a_public_or_unknown_one_is_kept()
    {
        using var production = new PortalFactory(settings: new Dictionary<string, string?> { ["Webhooks:AllowLocalTargets"] = "false", ["Webhooks:DispatcherEnabled"] = "false" })
        {
            ConfigureServices = s => s.AddSingleton<WebhookHostResolver>(new KnownNames()),
        };
        var admin = await PortalClient.SignedInAsync(production, DemoData.DurandAdmin);
        int Count()
        {
            using var scope = production.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookEndpoints.IgnoreQueryFilters().Count();
        }

        async Task<HttpResponseMessage> RegisterAsync(string url) =>
            await (await HtmlForm.OpenAsync(admin, "/integrations/webhooks", "Ajouter l'adresse"))
                .Fill("Adresse de réception", url).Check("Portage terminé").SubmitAsync("Ajouter l'adresse");

        var before = Count();
        foreach (var inside in (string[])["https://erp-interne.exemple.fr/hooks", "https://erp-mixte.exemple.fr./hooks"])
        {
            var refused = await RegisterAsync(inside);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await refused.ReadHtmlAsync();
            Assert.Contains("Cette adresse désigne un réseau privé", page.QuerySelector("#Url-error, [data-valmsg-for=Url]")?.TextContent ?? page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal(before, Count());
        }

        Assert.Equal(HttpStatusCode.OK, (await RegisterAsync("https://erp.exemple.fr/hooks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RegisterAsync("https://pas-encore-publie.exemple.fr/hooks")).StatusCode);
        Assert.Equal(before + 2, Count());
    }

    /// <summary>The names of this test, as a DNS would answer them; any other name is unknown.</summary>
    private sealed class KnownNames : WebhookHostResolver
    {
        protected override Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => host switch
        {
            "erp-interne.exemple.fr" => Task.FromResult<IPAddress[]>([IPAddress.Parse("10.20.30.40")]),
            "erp-mixte.exemple.fr" => Task.FromResult<IPAddress[]>([IPAddress.Parse("93.184.216.34"), IPAddress.Parse("169.254.169.254")]),
            "erp.exemple.fr" => Task.FromResult<IPAddress[]>([IPAddress.Parse("93.184.216.34")]),
            _ => throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound),
        };
    }
}
