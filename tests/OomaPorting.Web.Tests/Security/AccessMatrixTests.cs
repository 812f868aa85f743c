using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Security;

/// <summary>Who may call what: every route of the app, found from its endpoints, checked for every role.</summary>
public class AccessMatrixFixture : IAsyncLifetime
{
    public AccessMatrixFixture()
        : this(new PortalFactory())
    {
    }

    /// <summary>For a fixture of its own kind (a portal with other settings or an interceptor).</summary>
    protected AccessMatrixFixture(PortalFactory factory) => Factory = factory;

    public PortalFactory Factory { get; }

    public Dictionary<Role, HttpClient> Clients { get; } = [];

    /// <summary>Boulangerie Martin's FOC-dated request: the resource every <c>{id}</c> route is called with.</summary>
    public Guid MartinRequest { get; private set; }

    /// <summary>A colleague of Boulangerie Martin (Sophie Bernard): the user every <c>{userId}</c> route is called with.</summary>
    public string MartinColleague { get; private set; } = string.Empty;

    /// <summary>Boulangerie Martin's account: every <c>{accountId}</c> GET route is called with it.</summary>
    public Guid MartinAccount { get; private set; }

    public const string PlainAgent = "agent.matrice@ooma-office.test";

    public async Task InitializeAsync()
    {
        Clients[Role.Anonymous] = PortalClient.Anonymous(Factory);
        Clients[Role.MartinUser] = await PortalClient.SignedInAsync(Factory, DemoData.BoulangerieUser);
        Clients[Role.MartinAdmin] = await PortalClient.SignedInAsync(Factory, DemoData.BoulangerieAdmin);
        Clients[Role.DurandUser] = await PortalClient.SignedInAsync(Factory, DemoData.DurandUser);
        Clients[Role.DurandAdmin] = await PortalClient.SignedInAsync(Factory, DemoData.DurandAdmin);
        Clients[Role.Support] = await PortalClient.SignedInAsync(Factory, DemoData.SupportAgent);
        await TestPeople.AgentAsync(Factory, PlainAgent);
        Clients[Role.SupportAgent] = await PortalClient.SignedInAsync(Factory, PlainAgent);
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        MartinRequest = await db.PortRequests.IgnoreQueryFilters().Where(r => r.Status == PortRequestStatus.FocConfirmed)
            .Join(db.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == "Boulangerie Martin"), r => r.AccountId, a => a.Id, (r, _) => r.Id)
            .SingleAsync();
        MartinColleague = await db.Users.Where(u => u.Email == "vente@boulangerie-martin.test").Select(u => u.Id).SingleAsync();
        MartinAccount = await db.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == "Boulangerie Martin").Select(a => a.Id).SingleAsync();
        var durand = await db.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == "Cabinet Durand").Select(a => a.Id).SingleAsync();
        ApiKeys[KeyHolder.None] = null;
        ApiKeys[KeyHolder.MartinRead] = await ApiClients.KeyAsync(Factory, MartinAccount, Domain.Accounts.ApiKeyRole.Read);
        ApiKeys[KeyHolder.MartinWrite] = await ApiClients.KeyAsync(Factory, MartinAccount, Domain.Accounts.ApiKeyRole.ReadWrite);
        ApiKeys[KeyHolder.DurandRead] = await ApiClients.KeyAsync(Factory, durand, Domain.Accounts.ApiKeyRole.Read);
        ApiKeys[KeyHolder.DurandWrite] = await ApiClients.KeyAsync(Factory, durand, Domain.Accounts.ApiKeyRole.ReadWrite);
        var revoked = await ApiClients.KeyAsync(Factory, MartinAccount, Domain.Accounts.ApiKeyRole.ReadWrite);
        var revokedPrefix = Domain.Accounts.ApiKey.PrefixOf(revoked);
        var key = await db.ApiKeys.IgnoreQueryFilters().SingleAsync(k => k.Prefix == revokedPrefix);
        key.Revoke(new Domain.Common.Actor("matrix", Domain.Common.ActorRole.AccountAdmin, "Matrix"), DateTime.UtcNow);
        await db.SaveChangesAsync();
        ApiKeys[KeyHolder.MartinRevoked] = revoked;
    }

    /// <summary>The API keys the API's matrix calls with (null: no key at all).</summary>
    public Dictionary<KeyHolder, string?> ApiKeys { get; } = [];

    /// <summary>
    /// The path a route pattern is called with. A GET names Martin's resources; a POST, which may change what it names,
    /// gets fresh ones: a FOC-dated request, an account with an invited admin, an agent, a second session of Martin's admin.
    /// </summary>
    public async Task<string> PathAsync(string method, string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var post = method == "POST";
        var path = pattern;
        if (path.Contains("{id:guid}", StringComparison.Ordinal))
        {
            var request = post ? await FreshMartinRequestAsync() : MartinRequest;
            path = path.Replace("{id:guid}", request.ToString(), StringComparison.Ordinal);
            if (path.Contains("{documentId:guid}", StringComparison.Ordinal))
            {
                using var scope = Factory.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var document = await db.SupportingDocuments.IgnoreQueryFilters().Where(d => d.PortRequestId == request).Select(d => d.Id).FirstAsync();
                path = path.Replace("{documentId:guid}", document.ToString(), StringComparison.Ordinal);
            }
        }

        if (path.StartsWith("/support/comptes/{accountId:guid}", StringComparison.Ordinal))
        {
            var (accountId, adminId) = post ? await TestPeople.AccountAsync(Factory, "Compte Matrice") : (MartinAccount, MartinColleague);
            path = path.Replace("{accountId:guid}", accountId.ToString(), StringComparison.Ordinal).Replace("{userId}", adminId, StringComparison.Ordinal);
        }

        if (path.StartsWith("/support/agents/{userId}", StringComparison.Ordinal))
        {
            var (agentId, _) = await TestPeople.AgentAsync(Factory, $"agent{Interlocked.Increment(ref _numbers)}@matrice.test");
            path = path.Replace("{userId}", agentId, StringComparison.Ordinal);
        }

        if (path.Contains("{sessionId:guid}", StringComparison.Ordinal))
        {
            // A second sign-in of Martin's admin (another browser): only she may end it.
            await PortalClient.SignInAsync(PortalClient.Anonymous(Factory), DemoData.BoulangerieAdmin, DemoData.Password);
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var marie = await db.Users.Where(u => u.Email == DemoData.BoulangerieAdmin).Select(u => u.Id).SingleAsync();
            var session = await db.AuthSessions.Where(a => a.UserId == marie).OrderByDescending(a => a.CreatedAtUtc).Select(a => a.PublicId).FirstAsync();
            path = path.Replace("{sessionId:guid}", session.ToString(), StringComparison.Ordinal);
        }

        if (path.Contains("{keyId:guid}", StringComparison.Ordinal))
        {
            // A fresh key of the account the path names (Martin's on the admin's page): revoking it spoils no other case.
            var owner = path.StartsWith("/support/comptes/", StringComparison.Ordinal) ? Guid.Parse(path.Split('/')[3]) : MartinAccount;
            var secret = await ApiClients.KeyAsync(Factory, owner, name: "Matrice");
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var prefix = Domain.Accounts.ApiKey.PrefixOf(secret);
            var keyId = await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Prefix == prefix).Select(k => k.Id).SingleAsync();
            path = path.Replace("{keyId:guid}", keyId.ToString(), StringComparison.Ordinal);
        }

        if (path.Contains("{endpointId:guid}", StringComparison.Ordinal))
        {
            // A fresh endpoint of Martin's, with one delivery already made: stopping, removing or resending it spoils no other case.
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var (endpoint, secret) = Domain.Accounts.WebhookEndpoint.Register(MartinAccount, "https://erp.boulangerie.example/hooks", Domain.Accounts.WebhookEvents.All,
                new Domain.Common.Actor("matrix", Domain.Common.ActorRole.AccountAdmin, "Matrix"), 0, false, DateTime.UtcNow);
            endpoint.KeepSecret(scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Webhooks.WebhookSecrets>().Protect(secret));
            db.WebhookEndpoints.Add(endpoint);
            var delivery = Web.Features.Webhooks.WebhookNotifications.New(endpoint, Guid.NewGuid(), null, 0, "ping", "{}", DateTime.UtcNow);
            delivery.Status = Web.Infrastructure.Webhooks.WebhookDeliveryStatus.Delivered;
            db.WebhookDeliveries.Add(delivery);
            if (path.EndsWith("/activer", StringComparison.Ordinal))
            {
                endpoint.Disable(new Domain.Common.Actor("matrix", Domain.Common.ActorRole.AccountAdmin, "Matrix"), DateTime.UtcNow);
            }

            await db.SaveChangesAsync();
            path = path.Replace("{endpointId:guid}", endpoint.Id.ToString(), StringComparison.Ordinal)
                .Replace("{deliveryId:guid}", delivery.Id.ToString(), StringComparison.Ordinal);
        }

        if (path.Contains("{exportId:guid}", StringComparison.Ordinal))
        {
            // A ready archive of Martin's account (a few bytes stand for the ZIP).
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var export = new AccountExport
            {
                Id = Guid.NewGuid(), AccountId = MartinAccount, RequestedByUserId = "matrix", RequestedByName = "Matrix", RequestedAtUtc = DateTime.UtcNow,
                Status = AccountExportStatus.Ready, ReadyAtUtc = DateTime.UtcNow, ExpiresAtUtc = DateTime.UtcNow.AddDays(7), SizeBytes = 4,
            };
            db.AccountExports.Add(export);
            db.AccountExportChunks.Add(new AccountExportChunk { ExportId = export.Id, Index = 0, Data = [0x50, 0x4B, 0x05, 0x06] });
            await db.SaveChangesAsync();
            path = path.Replace("{exportId:guid}", export.Id.ToString(), StringComparison.Ordinal);
        }

        return path.Replace("{code:int}", "404", StringComparison.Ordinal).Replace("{userId}", MartinColleague, StringComparison.Ordinal)
            .Replace("{documentName?}", "v1", StringComparison.Ordinal).Replace("{**rest}", "v1/nothing-here", StringComparison.Ordinal);
    }

    private static int _numbers;

    /// <summary>The steps of the wizard a draft's pages show (GET <c>/portage/{id}/{step}</c>).</summary>
    private static readonly string[] WizardSteps = ["type", "operateur", "compte", "numeros", "adresse", "justificatifs", "signature"];

    /// <summary>
    /// A real address of the GET route <paramref name="pattern"/> that its role is served (2xx), with that role's client
    /// and the status it answers: <see cref="PathAsync"/>'s resources, except the wizard's steps (a complete draft of
    /// Martin's admin), the signature's code step (a draft waiting for its code), sign-in's code step (a browser between
    /// password and code), an invitation (the link of a fresh invitation's e-mail), the error pages (the status they
    /// describe) and the API (Martin's read key). Null for what has no page here: Development's own pages.
    /// </summary>
    public async Task<(HttpClient Client, string Path, int Status)?> PageAsync(string method, string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var access = AccessMatrixTests.Matrix[$"{method} {pattern}"];
        if (access == Access.DevOnly)
        {
            return null;
        }

        var client = access switch
        {
            Access.Support or Access.SupportAdmin => Clients[Role.Support],
            Access.Member or Access.Admin or Access.SignedIn or Access.OwnSession => Clients[Role.MartinAdmin],
            Access.ApiRead or Access.ApiWrite => ApiClients.For(Factory, ApiKeys[KeyHolder.MartinRead]),
            _ => PortalClient.Anonymous(Factory),
        };
        var steps = WizardSteps.Select(s => $"/portage/{{id:guid}}/{s}").ToHashSet(StringComparer.Ordinal);
        string path;
        if (steps.Contains(pattern))
        {
            path = pattern.Replace("{id:guid}", (await CompleteDraftAsync()).ToString(), StringComparison.Ordinal);
        }
        else if (pattern == "/portage/{id:guid}/signature/code")
        {
            var draft = await CompleteDraftAsync();
            var signed = await PortalClient.PostFormAsync(Clients[Role.MartinAdmin], $"/portage/{draft}/signature", $"/portage/{draft}/signature",
                Wizard.Signature((await MainNumberAsync(draft))!));
            Assert.Equal($"/portage/{draft}/signature/code", signed.Headers.Location?.OriginalString);
            path = $"/portage/{draft}/signature/code";
        }
        else if (access == Access.SignInStep)
        {
            var email = $"pas{Interlocked.Increment(ref _numbers)}@matrice.test";
            await TestPeople.AgentAsync(Factory, email);
            Assert.Equal("/compte/connexion/code", (await PortalClient.SignInAsync(client, email, DemoData.Password)).Headers.Location?.OriginalString);
            path = pattern;
        }
        else if (pattern == "/compte/invitation/{token}")
        {
            var email = $"invite{Interlocked.Increment(ref _numbers)}@boulangerie-martin.test";
            var invited = await PortalClient.PostFormAsync(Clients[Role.MartinAdmin], "/utilisateurs", "/utilisateurs/inviter",
                new Dictionary<string, string> { ["DisplayName"] = "Invitée Matrice", ["Email"] = email });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, invited.StatusCode);
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var body = await db.OutboxMessages.Where(m => m.Kind == Web.Infrastructure.Identity.InvitationEmail.Kind && m.Recipient == email)
                .Select(m => m.TextBody).SingleAsync();
            path = System.Text.RegularExpressions.Regex.Match(body, @"/compte/invitation/[A-Za-z0-9_-]+").Value;
        }
        else
        {
            path = await PathAsync(method, pattern);
        }

        var status = access == Access.ErrorPage ? path switch { "/erreur" => 500, "/compte/acces-refuse" => 403, _ => 404 }
            : access == Access.ApiUnknown ? 404 : 200;
        return (client, path, status);
    }

    /// <summary>A new draft of Martin's admin with every step answered, on its signature page.</summary>
    private async Task<Guid> CompleteDraftAsync() => await new Wizard(Factory, Clients[Role.MartinAdmin]).FillAsync(withSecond: false);

    private async Task<string?> MainNumberAsync(Guid draft)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var request = await db.PortRequests.IgnoreQueryFilters().Include(r => r.Lines).SingleAsync(r => r.Id == draft);
        return request.Lines.OrderBy(l => l.Position).First().Number.E164;
    }

    /// <summary>A fresh FOC-dated request of Boulangerie Martin, for a POST that may change it (cancel, send back ...).</summary>
    public async Task<Guid> FreshMartinRequestAsync()
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var account = await db.Accounts.IgnoreQueryFilters().SingleAsync(a => a.CompanyName == "Boulangerie Martin");
        var admin = new Domain.Common.Actor("matrix", Domain.Common.ActorRole.AccountAdmin, "Matrix");
        var support = new Domain.Common.Actor("matrix-support", Domain.Common.ActorRole.Support, "Matrix");
        var now = DateTime.UtcNow;
        var n = Interlocked.Increment(ref _numbers);
        var number = Domain.Numbers.FrenchNumber.Parse($"04 91 {n / 100 % 100:D2} {n % 100:D2} 77");
        var r = new PortRequestBuilder(account.Id, admin, now)
            .CarrierAccount("FT-0000").Lines((number.Display, "F0A000000")).Address("1 rue", "13001", "Marseille").Holder("A", "B")
            .MainNumber(number.Display, accountHasOwnMainNumber: true)
            .FocConfirmed($"POR-2098-{n:D6}", support, Domain.Calendar.BusinessCalendar.France.AddWorkingDays(DateOnly.FromDateTime(now), 10),
                Domain.Calendar.BusinessCalendar.France);
        db.PortRequests.Add(r);
        await db.SaveChangesAsync();
        return r.Id;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Every (method, route) of the app, as the routing system knows them.</summary>
    public IEnumerable<(string Method, string Pattern)> Routes() =>
        Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct();
}

public enum Role
{
    Anonymous,
    MartinUser,
    MartinAdmin,
    DurandUser,
    DurandAdmin,

    /// <summary>The demo agent, a support administrator.</summary>
    Support,

    /// <summary>An agent who is not a support administrator.</summary>
    SupportAgent,
}

/// <summary>Whose API key a call of the API's matrix carries.</summary>
public enum KeyHolder
{
    None,
    MartinRevoked,
    MartinRead,
    MartinWrite,
    DurandRead,
    DurandWrite,
}

public enum Access
{
    /// <summary>Anyone, signed in or not.</summary>
    Public,

    /// <summary>Any user of the account that owns the resource.</summary>
    Member,

    /// <summary>An admin of the account that owns the resource.</summary>
    Admin,

    /// <summary>Support agents, across accounts.</summary>
    Support,

    /// <summary>Support administrators only: a plain agent gets 403.</summary>
    SupportAdmin,

    /// <summary>One's own sign-in session: its owner (Martin's admin) is served, anyone else signed in gets 404.</summary>
    OwnSession,

    /// <summary>The code step of sign-in: with no password step pending, anyone is sent back to the sign-in page.</summary>
    SignInStep,

    /// <summary>Anyone signed in.</summary>
    SignedIn,

    /// <summary>Development only, support agents only: answers 404 elsewhere (403 first to anyone but support).</summary>
    DevOnly,

    /// <summary>The health check (no MVC, no cookie needed).</summary>
    Health,

    /// <summary>An error page: anyone gets it, with the status it describes.</summary>
    ErrorPage,

    /// <summary>The API, read: API keys only (<see cref="ApiAccessMatrixTests"/>); a session cookie gets 401, whoever holds it.</summary>
    ApiRead,

    /// <summary>The API, write: a read-write API key only; a session cookie gets 401.</summary>
    ApiWrite,

    /// <summary>The API's description (OpenAPI document, reference page and its files): anyone.</summary>
    ApiDescription,

    /// <summary>Any other address under /api: 404 problem details for anyone, never a page or the sign-in redirect.</summary>
    ApiUnknown,
}

public class AccessMatrixTests(AccessMatrixFixture fx) : IClassFixture<AccessMatrixFixture>
{
    /// <summary>The matrix. A route that is not here fails <see cref="Every_route_is_classified"/>: classify it before it ships.</summary>
    public static readonly Dictionary<string, Access> Matrix = new()
    {
        ["GET /"] = Access.SignedIn,
        ["GET /compte/connexion"] = Access.Public,
        ["POST /compte/connexion"] = Access.Public,
        ["GET /compte/connexion/code"] = Access.SignInStep,
        ["POST /compte/connexion/code"] = Access.SignInStep,
        ["GET /mon-compte"] = Access.SignedIn,
        ["POST /mon-compte/mot-de-passe"] = Access.SignedIn,
        ["POST /mon-compte/sessions/{sessionId:guid}/fin"] = Access.OwnSession,
        ["POST /mon-compte/sessions/fin"] = Access.SignedIn,
        ["GET /mon-compte/double-authentification"] = Access.SignedIn,
        ["POST /mon-compte/double-authentification"] = Access.SignedIn,
        ["POST /mon-compte/double-authentification/codes"] = Access.SignedIn,
        ["POST /mon-compte/double-authentification/desactiver"] = Access.SignedIn,
        ["POST /utilisateurs/double-authentification"] = Access.Admin,
        ["GET /support/comptes"] = Access.Support,
        ["GET /support/comptes/nouveau"] = Access.Support,
        ["POST /support/comptes/nouveau"] = Access.Support,
        ["GET /support/comptes/{accountId:guid}"] = Access.Support,
        ["POST /support/comptes/{accountId:guid}/acces"] = Access.Support,
        ["POST /support/comptes/{accountId:guid}/cloture"] = Access.SupportAdmin,
        ["POST /support/comptes/{accountId:guid}/reouverture"] = Access.SupportAdmin,
        ["POST /support/comptes/{accountId:guid}/utilisateurs/{userId}/invitation"] = Access.Support,
        ["POST /support/comptes/{accountId:guid}/utilisateurs/{userId}/double-authentification"] = Access.SupportAdmin,
        ["GET /support/agents"] = Access.SupportAdmin,
        ["GET /support/envois-retenus"] = Access.SupportAdmin,
        ["POST /support/envois-retenus/envoyer"] = Access.SupportAdmin,
        ["POST /support/envois-retenus/abandonner"] = Access.SupportAdmin,
        ["POST /support/agents/inviter"] = Access.SupportAdmin,
        ["POST /support/agents/{userId}/acces"] = Access.SupportAdmin,
        ["POST /support/agents/{userId}/double-authentification"] = Access.SupportAdmin,
        ["GET /support/journal"] = Access.SupportAdmin,
        ["GET /support/journal/export.csv"] = Access.SupportAdmin,
        ["POST /compte/deconnexion"] = Access.SignedIn,
        ["GET /compte/acces-refuse"] = Access.ErrorPage,
        ["GET /compte/invitation/{token}"] = Access.Public,
        ["GET /compte/mot-de-passe-oublie"] = Access.Public,
        ["POST /compte/mot-de-passe-oublie"] = Access.Public,
        ["POST /compte/invitation/{token}"] = Access.Public,
        ["POST /langue"] = Access.Public,
        ["ANY /erreur"] = Access.ErrorPage,
        ["ANY /erreur/{code:int}"] = Access.ErrorPage,
        ["GET /portabilite"] = Access.Public,
        ["GET /aide"] = Access.Public,
        ["GET /postes"] = Access.Member,
        ["POST /postes/attribuer"] = Access.Admin,
        ["GET /portage"] = Access.Admin,
        ["POST /portage"] = Access.Admin,
        ["GET /portage/telo-hub"] = Access.Admin,
        ["GET /portage/statut"] = Access.Member,
        ["GET /portage/{id:guid}"] = Access.Member,
        ["GET /portage/{id:guid}/mandat.pdf"] = Access.Member,
        ["GET /portage/{id:guid}/justificatifs/{documentId:guid}"] = Access.Member,
        ["GET /portage/{id:guid}/ccf.ics"] = Access.Member,
        ["GET /portage/{id:guid}/annuler"] = Access.Admin,
        ["POST /portage/{id:guid}/annuler"] = Access.Admin,
        ["POST /portage/{id:guid}/messages"] = Access.Admin,
        ["POST /portage/{id:guid}/garder-temporaire"] = Access.Admin,
        ["POST /portage/{id:guid}/numeros-refuses/retirer"] = Access.Admin,
        ["POST /portage/{id:guid}/numeros-refuses/suite"] = Access.Admin,
        ["POST /portage/{id:guid}/date-souhaitee"] = Access.Admin,
        ["POST /portage/statut/suivi"] = Access.Member,
        ["GET /utilisateurs"] = Access.Admin,
        ["POST /utilisateurs/inviter"] = Access.Admin,
        ["POST /utilisateurs/{userId}/role"] = Access.Admin,
        ["POST /utilisateurs/{userId}/acces"] = Access.Admin,
        ["POST /utilisateurs/{userId}/invitation"] = Access.Admin,
        ["POST /portage/{id:guid}/supprimer"] = Access.Admin,
        ["GET /portage/{id:guid}/type"] = Access.Admin,
        ["POST /portage/{id:guid}/type"] = Access.Admin,
        ["GET /portage/{id:guid}/operateur"] = Access.Admin,
        ["POST /portage/{id:guid}/operateur"] = Access.Admin,
        ["GET /portage/{id:guid}/compte"] = Access.Admin,
        ["POST /portage/{id:guid}/compte"] = Access.Admin,
        ["GET /portage/{id:guid}/numeros"] = Access.Admin,
        ["POST /portage/{id:guid}/numeros"] = Access.Admin,
        ["GET /portage/{id:guid}/adresse"] = Access.Admin,
        ["POST /portage/{id:guid}/adresse"] = Access.Admin,
        ["GET /portage/{id:guid}/signature"] = Access.Admin,
        ["POST /portage/{id:guid}/signature"] = Access.Admin,
        ["GET /portage/{id:guid}/signature/code"] = Access.Admin,
        ["POST /portage/{id:guid}/signature/code"] = Access.Admin,
        ["POST /portage/{id:guid}/signature/code/renvoyer"] = Access.Admin,
        ["GET /portage/{id:guid}/justificatifs"] = Access.Admin,
        ["POST /portage/{id:guid}/justificatifs"] = Access.Admin,
        ["POST /portage/{id:guid}/justificatifs/{documentId:guid}/supprimer"] = Access.Admin,
        ["GET /support/portages"] = Access.Support,
        ["GET /support/portages/{id:guid}"] = Access.Support,
        ["GET /support/portages/{id:guid}/justificatifs/{documentId:guid}"] = Access.Support,
        ["POST /support/portages/{id:guid}/pieces-verifiees"] = Access.Support,
        ["GET /support/portages/{id:guid}/courriels"] = Access.Support,
        ["POST /support/portages/{id:guid}/ccf"] = Access.Support,
        ["POST /support/portages/{id:guid}/appel-test"] = Access.Support,
        ["POST /support/portages/{id:guid}/resultat-appel"] = Access.Support,
        ["POST /support/portages/{id:guid}/numeros-refuses"] = Access.Support,
        ["POST /support/portages/{id:guid}/renvoyer"] = Access.Support,
        ["POST /support/portages/{id:guid}/annuler"] = Access.Support,
        ["POST /support/portages/{id:guid}/messages"] = Access.Support,
        ["POST /support/portages/{id:guid}/garder-temporaire"] = Access.Support,
        ["POST /support/portages/{id:guid}/attribution"] = Access.Support,
        ["GET /support/portages/{id:guid}/attribution"] = Access.SupportAdmin,
        ["POST /support/portages/ccf-groupee"] = Access.Support,
        ["GET /support/portages/export.csv"] = Access.Support,
        ["GET /support/tableau-de-bord"] = Access.Support,
        ["GET /dev/courriels"] = Access.DevOnly,
        ["GET /dev/courriels/{id:guid}"] = Access.DevOnly,
        ["GET /integrations"] = Access.Admin,
        ["POST /integrations/cles"] = Access.Admin,
        ["POST /integrations/cles/{keyId:guid}/revoquer"] = Access.Admin,
        ["GET /donnees-du-compte"] = Access.Admin,
        ["POST /donnees-du-compte"] = Access.Admin,
        ["GET /donnees-du-compte/{exportId:guid}/archive.zip"] = Access.Admin,
        ["GET /integrations/webhooks"] = Access.Admin,
        ["POST /integrations/webhooks"] = Access.Admin,
        ["GET /integrations/webhooks/{endpointId:guid}"] = Access.Admin,
        ["POST /integrations/webhooks/{endpointId:guid}/evenements"] = Access.Admin,
        ["POST /integrations/webhooks/{endpointId:guid}/desactiver"] = Access.Admin,
        ["POST /integrations/webhooks/{endpointId:guid}/activer"] = Access.Admin,
        ["POST /integrations/webhooks/{endpointId:guid}/test"] = Access.Admin,
        ["POST /integrations/webhooks/{endpointId:guid}/livraisons/{deliveryId:guid}/renvoyer"] = Access.Admin,
        ["POST /integrations/webhooks/{endpointId:guid}/supprimer"] = Access.Admin,
        ["POST /support/comptes/{accountId:guid}/cles-api/{keyId:guid}/revoquer"] = Access.Support,
        ["GET /api/v1/openapi.json"] = Access.ApiDescription,
        ["ANY /api/{**rest}"] = Access.ApiUnknown,
        ["GET /api/v1/reference/{documentName?}"] = Access.ApiDescription,
        ["GET /api/v1/reference/scalar.js"] = Access.ApiDescription,
        ["GET /api/v1/reference/scalar.aspnetcore.js"] = Access.ApiDescription,
        ["GET /api/v1/reference/favicon.svg"] = Access.ApiDescription,
        ["GET /api/v1/port-requests"] = Access.ApiRead,
        ["GET /api/v1/port-requests/{id:guid}"] = Access.ApiRead,
        ["GET /api/v1/port-requests/{id:guid}/mandate.pdf"] = Access.ApiRead,
        ["GET /api/v1/port-requests/{id:guid}/foc.ics"] = Access.ApiRead,
        ["GET /api/v1/numbers/portability"] = Access.ApiRead,
        ["POST /api/v1/port-requests/{id:guid}/cancel"] = Access.ApiWrite,
        ["POST /api/v1/port-requests/{id:guid}/messages"] = Access.ApiWrite,
        ["POST /api/v1/port-requests"] = Access.ApiWrite,
        ["POST /api/v1/port-requests/{id:guid}/draft"] = Access.ApiWrite,
        ["POST /api/v1/port-requests/{id:guid}/documents"] = Access.ApiWrite,
        ["POST /api/v1/port-requests/{id:guid}/submit"] = Access.ApiWrite,
        ["POST /api/v1/port-requests/{id:guid}/submit/confirm"] = Access.ApiWrite,
        ["POST /api/v1/port-requests/{id:guid}/delete"] = Access.ApiWrite,
        ["ANY /health"] = Access.Health,
        ["ANY /health/live"] = Access.Health,
        ["ANY /health/ready"] = Access.Health,
    };

    [Fact]
    public void Every_route_is_classified()
    {
        var unclassified = fx.Routes().Select(r => $"{r.Method} {r.Pattern}").Where(k => !Matrix.ContainsKey(k)).ToList();
        Assert.True(unclassified.Count == 0, "Routes missing from the access matrix: " + string.Join(", ", unclassified));
        Assert.True(fx.Routes().Count() >= 40, "The route discovery found too few routes to be trusted.");
    }

    public static TheoryData<string, Role> Cases()
    {
        var data = new TheoryData<string, Role>();
        foreach (var key in Matrix.Keys.Where(k => k != "POST /compte/deconnexion"))
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                data.Add(key, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_the_answer_the_matrix_says(string route, Role role)
    {
        var (method, pattern) = (route.Split(' ')[0], route.Split(' ')[1]);
        var path = await fx.PathAsync(method, pattern);
        var client = fx.Clients[role];
        HttpResponseMessage response;
        if (method == "POST")
        {
            var token = await PortalClient.TokenAsync(client, TokenPage(role));
            response = await PortalClient.PostWithTokenAsync(client, path, token, new Dictionary<string, string>());
        }
        else
        {
            response = await client.GetAsync(path);
        }

        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        var access = Matrix[route];
        var hasId = pattern.Contains("{id", StringComparison.Ordinal) || pattern.Contains("{userId}", StringComparison.Ordinal)
            || pattern.Contains("{keyId", StringComparison.Ordinal) || pattern.Contains("{endpointId", StringComparison.Ordinal) || pattern.Contains("{exportId", StringComparison.Ordinal);
        if (access == Access.ErrorPage)
        {
            // The page says what it is about, in French, whoever asks.
            var described = path switch { "/erreur" => 500, "/compte/acces-refuse" => 403, _ => 404 };
            Assert.Equal(described, status);
            Assert.Equal("fr", (await response.ReadHtmlAsync()).DocumentElement.GetAttribute("lang"));
            return;
        }

        if (access == Access.SignInStep)
        {
            Assert.True(status == 200 || (status == 302 && location.StartsWith("/compte/connexion", StringComparison.Ordinal)),
                $"{route} as {role}: {status} {location}, expected the sign-in page");
            return;
        }

        if (access == Access.ApiUnknown)
        {
            Assert.True(status == 404, $"{route} as {role}: {status}, expected 404");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return;
        }

        if (access is Access.ApiRead or Access.ApiWrite)
        {
            // A cookie, or nothing, never opens the API: 401 with problem details, whoever the cookie's owner is.
            Assert.True(status == 401, $"{route} as {role}: {status}, expected 401");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return;
        }

        var expected = Expected(access, role, hasId);
        Assert.True(status < 500, $"{route} as {role}: {status}");
        switch (expected)
        {
            case Outcome.SignIn:
                Assert.True(status == 302 && location.Contains("/compte/connexion", StringComparison.Ordinal), $"{route} as {role}: {status} {location}, expected the sign-in page");
                break;
            case Outcome.Forbidden:
                Assert.True(status == 403, $"{route} as {role}: {status}, expected 403");
                break;
            case Outcome.NotFound:
                Assert.True(status == 404, $"{route} as {role}: {status}, expected 404");
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("Boulangerie", body, StringComparison.Ordinal);
                break;
            default:
                Assert.True(status is 200 or 302 or 400 or 409 or 410, $"{route} as {role}: {status} {location}, expected to be served");
                Assert.False(status == 302 && location.Contains("/compte/connexion", StringComparison.Ordinal), $"{route} as {role}: sent to sign-in");
                break;
        }
    }

    public static TheoryData<string, KeyHolder> ApiCases()
    {
        var data = new TheoryData<string, KeyHolder>();
        foreach (var key in Matrix.Where(m => m.Value is Access.ApiRead or Access.ApiWrite).Select(m => m.Key))
        {
            foreach (var holder in Enum.GetValues<KeyHolder>())
            {
                data.Add(key, holder);
            }
        }

        return data;
    }

    /// <summary>
    /// The API's matrix: each route with each key. No key or a revoked one: 401. Another account's key on a request of
    /// Martin's: 404, with nothing of Martin's in the answer. A read-only key on a change: 403. Otherwise served (a 400
    /// for the empty body some changes refuse is served: the key got through).
    /// </summary>
    [Theory]
    [MemberData(nameof(ApiCases))]
    public async Task Each_api_key_gets_the_answer_the_matrix_says(string route, KeyHolder holder)
    {
        var (method, pattern) = (route.Split(' ')[0], route.Split(' ')[1]);
        var path = await fx.PathAsync(method, pattern);
        var client = ApiClients.For(fx.Factory, fx.ApiKeys[holder]);
        // A change's body is valid, so that what answers is the key's right to the request, not the body's validation.
        var response = method != "POST" ? await client.GetAsync(path)
            : pattern.EndsWith("/documents", StringComparison.Ordinal) ? await client.PostAsync(path, BillForm())
            : await client.PostJsonAsync(path, ApiBody(pattern));
        var status = (int)response.StatusCode;
        var namesMartin = pattern.Contains("{id", StringComparison.Ordinal);
        var expected = holder switch
        {
            KeyHolder.None or KeyHolder.MartinRevoked => 401,
            KeyHolder.DurandRead or KeyHolder.DurandWrite when Matrix[route] == Access.ApiWrite && holder == KeyHolder.DurandRead => 403,
            KeyHolder.DurandRead or KeyHolder.DurandWrite when namesMartin => 404,
            KeyHolder.MartinRead when Matrix[route] == Access.ApiWrite => 403,
            _ => 200,
        };
        if (expected == 200)
        {
            // Served: done (2xx), or refused by the rules on this request (422: a submitted request's answers are locked),
            // or a question without its value (400: the portability check without a number).
            Assert.True(status is >= 200 and < 300 or 400 or 422, $"{route} with {holder}'s key: {status}, expected to be served");
        }
        else
        {
            Assert.True(status == expected, $"{route} with {holder}'s key: {status}, expected {expected}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("Boulangerie", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    public static object ApiBody(string pattern) => pattern switch
    {
        _ when pattern.EndsWith("/messages", StringComparison.Ordinal) => new { body = "Matrice" },
        _ when pattern.EndsWith("/cancel", StringComparison.Ordinal) => new { reason = "Matrice" },
        _ when pattern.EndsWith("/submit", StringComparison.Ordinal) => new
        {
            mainNumber = "keep", acceptTerms = true, signer = new { name = "Marie Martin", capacity = "manager", authorised = true, email = DemoData.BoulangerieAdmin },
        },
        _ when pattern.EndsWith("/confirm", StringComparison.Ordinal) => new { code = "123456" },
        _ => new { },
    };

    public static MultipartFormDataContent BillForm()
    {
        var form = new MultipartFormDataContent { { new StringContent("carrierBill"), "kind" } };
        var file = new ByteArrayContent(PortRequestBuilder.SampleBillPdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "files", "facture.pdf");
        return form;
    }

    [Fact]
    public async Task Signing_out_needs_a_session_and_ends_it()
    {
        var anonymous = PortalClient.Anonymous(fx.Factory);
        var token = await PortalClient.TokenAsync(anonymous, "/compte/connexion");
        var refused = await PortalClient.PostWithTokenAsync(anonymous, "/compte/deconnexion", token, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/compte/connexion", refused.Headers.Location!.ToString(), StringComparison.Ordinal);

        var user = await PortalClient.SignedInAsync(fx.Factory, DemoData.DurandUser);
        var signedOut = await PortalClient.PostFormAsync(user, "/postes", "/compte/deconnexion", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/postes")).StatusCode);
    }

    private enum Outcome
    {
        Served,
        SignIn,
        Forbidden,
        NotFound,
    }

    private static Outcome Expected(Access access, Role role, bool namesMartinResource)
    {
        var support = role is Role.Support or Role.SupportAgent;
        var member = role is Role.MartinUser or Role.MartinAdmin or Role.DurandUser or Role.DurandAdmin;
        var admin = role is Role.MartinAdmin or Role.DurandAdmin;
        var otherAccount = role is Role.DurandUser or Role.DurandAdmin;
        return access switch
        {
            Access.Public or Access.Health or Access.ErrorPage or Access.ApiDescription => Outcome.Served,
            _ when role == Role.Anonymous => Outcome.SignIn,
            Access.SignedIn => Outcome.Served,
            Access.DevOnly => support ? Outcome.NotFound : Outcome.Forbidden, // support only, and only in Development
            Access.Support => support ? Outcome.Served : Outcome.Forbidden,
            Access.SupportAdmin => role == Role.Support ? Outcome.Served : Outcome.Forbidden,
            Access.OwnSession => role == Role.MartinAdmin ? Outcome.Served : Outcome.NotFound,
            Access.Member when !member => Outcome.Forbidden,
            Access.Admin when !admin => Outcome.Forbidden,
            _ when otherAccount && namesMartinResource => Outcome.NotFound,
            _ => Outcome.Served,
        };
    }

    /// <summary>A page of the role's home whose form carries an antiforgery token the role may post with.</summary>
    public static string TokenPage(Role role) => role switch
    {
        Role.Anonymous => "/compte/connexion",
        Role.Support or Role.SupportAgent => "/support/portages",
        _ => "/postes",
    };
}
