using Microsoft.AspNetCore.Identity;
using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Data;

/// <summary>
/// Demo accounts and requests, created through the domain's own methods, only when <c>DemoData:Enabled</c> is true
/// (Development's settings) and the database has no account yet. The README lists these sign-ins.
/// </summary>
public static class DemoData
{
    public const string Password = "Portage-Demo-2026";
    public const string BoulangerieAdmin = "admin@boulangerie-martin.test";
    public const string BoulangerieUser = "employe@boulangerie-martin.test";
    public const string DurandAdmin = "admin@cabinet-durand.test";
    public const string DurandUser = "secretariat@cabinet-durand.test";
    public const string SupportAgent = "support@ooma-office.test";

    /// <summary>
    /// The demo agent's authenticator key (Base32), printed in the README: add it to an authenticator app, or compute
    /// the codes in a script. Demo data only: a real agent's key is random and shown once, on their own screen.
    /// </summary>
    public const string SupportAgentAuthenticatorKey = "OOMAPORTINGDEMOSUPPORTAGENTKEY22";

    public static async Task SeedIfRequestedAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetValue("DemoData:Enabled", environment.IsDevelopment()))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Demo history is not news: nobody is e-mailed about it.
        db.NotificationsSuppressed = true;
        if (await db.Accounts.IgnoreQueryFilters().AnyAsync())
        {
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var calendar = scope.ServiceProvider.GetRequiredService<BusinessCalendar>();
        var keys = (IUserAuthenticatorKeyStore<AppUser>)scope.ServiceProvider.GetRequiredService<IUserStore<AppUser>>();
        await new Seeder(db, users, keys, calendar, time.GetUtcNow().UtcDateTime).RunAsync();
    }

    private sealed class Seeder(AppDbContext db, UserManager<AppUser> users, IUserAuthenticatorKeyStore<AppUser> keys, BusinessCalendar calendar, DateTime now)
    {
        private static readonly Actor SupportActor = new("seed-support", ActorRole.Support, "Support Ooma");
        private static readonly PortingTerms Terms = PortRequestBuilder.DefaultTerms;

        private static SignatureInput Signed(string name) => new(name, TermsAccepted: true, "127.0.0.1", "OomaPorting demo data", null,
            SignerCapacity.Manager, AuthorityConfirmed: true, SignerConfirmation.ByEmailCode("demo@exemple.fr", DateTime.UtcNow));

        public async Task RunAsync()
        {
            // The roles exist already (RoleSetup runs at every start).

            var martin = Account.Open(Guid.Parse("0b5c1e2a-6f4d-4c3b-9a1e-000000000001"), "Boulangerie Martin", FrenchNumber.Parse("09 72 10 20 30"), now.AddDays(-60), Siret.Parse("44351209800015"));
            var durand = Account.Open(Guid.Parse("0b5c1e2a-6f4d-4c3b-9a1e-000000000002"), "Cabinet Durand", FrenchNumber.Parse("09 72 40 50 60"), now.AddDays(-20), Siret.Parse("81234567800013"));
            db.Accounts.AddRange(martin, durand);
            await db.SaveChangesAsync();

            var marie = await CreateUserAsync(BoulangerieAdmin, "Marie Martin", "101", martin.Id, Roles.AccountAdmin);
            var paul = await CreateUserAsync(BoulangerieUser, "Paul Lefèvre", "102", martin.Id, Roles.AccountUser);
            await CreateUserAsync("vente@boulangerie-martin.test", "Sophie Bernard", "103", martin.Id, Roles.AccountUser);
            var jean = await CreateUserAsync(DurandAdmin, "Jean Durand", "101", durand.Id, Roles.AccountAdmin);
            await CreateUserAsync(DurandUser, "Claire Petit", "102", durand.Id, Roles.AccountUser);
            var agent = await CreateUserAsync(SupportAgent, "Support Ooma", null, null, Roles.Support);
            (await users.AddToRoleAsync(agent, Roles.SupportAdmin)).EnsureSucceeded("Demo data");
            await keys.SetAuthenticatorKeyAsync(agent, SupportAgentAuthenticatorKey, CancellationToken.None);
            (await users.SetTwoFactorEnabledAsync(agent, true)).EnsureSucceeded("Demo data");

            var marieActor = new Actor(marie.Id, ActorRole.AccountAdmin, marie.DisplayName);
            var jeanActor = new Actor(jean.Id, ActorRole.AccountAdmin, jean.DisplayName);

            // Boulangerie Martin: its shop line was ported five weeks ago; the bakery's second site is FOC dated.
            var shop = Filled(martin.Id, marieActor, now.AddDays(-40), "F0", "FT-88231",
                [("01 42 60 30 10", "F0X4K2P91"), ("01 42 60 30 11", null)], "8 rue des Boulangers", "75005", "Paris", "Marie", "Martin");
            var submittedShop = now.AddDays(-38);
            shop.Submit(marieActor, Signed("Marie Martin"), Terms, await References.NextAsync(db, now.Year, default), submittedShop);
            var shopFoc = calendar.AddWorkingDays(BusinessCalendar.DateInFrance(submittedShop), 10);
            shop.CheckDocuments(SupportActor, submittedShop.AddDays(5));
            shop.SetFocDate(SupportActor, shopFoc, calendar, submittedShop.AddDays(5));
            var shopFocDay = shopFoc.ToDateTime(new TimeOnly(9, 30), DateTimeKind.Utc);
            shop.StartTestCall(SupportActor, shopFocDay);
            var shopPorted = shop.RecordTestCallPassed(SupportActor, shopFocDay.AddMinutes(20), "Appel test concluant sur les deux lignes.");
            martin.AddPortedNumbers(shop, shopPorted, shopFocDay.AddMinutes(20));
            martin.AssignNumber(FrenchNumber.Parse("01 42 60 30 10"), marie.Id, shopFocDay.AddHours(1));
            martin.AssignNumber(FrenchNumber.Parse("01 42 60 30 11"), paul.Id, shopFocDay.AddHours(1));

            var annex = Filled(martin.Id, marieActor, now.AddDays(-9), "F1", "SFR-552014",
                [("04 78 12 34 56", "F1B7Q2M4L")], "14 place Bellecour", "69002", "Lyon", "Marie", "Martin");
            annex.Submit(marieActor, Signed("Marie Martin"), Terms, await References.NextAsync(db, now.Year, default), now.AddDays(-8));
            annex.CheckDocuments(SupportActor, now.AddDays(-2));
            annex.SetFocDate(SupportActor, calendar.AddWorkingDays(BusinessCalendar.DateInFrance(now), 6), calendar, now.AddDays(-2));

            var draft = PortRequest.StartDraft(Guid.NewGuid(), martin.Id, marieActor, now.AddDays(-1));
            draft.ChooseNumberType(marieActor, NumberType.Fixed, true, now.AddDays(-1));
            draft.ChooseCarrier(marieActor, "F3", null, now.AddDays(-1));

            // Cabinet Durand: one request (its bill checked) waits for its FOC date, one was sent back for a holder mismatch.
            var office = Filled(durand.Id, jeanActor, now.AddDays(-4), "F6", "OVH-77120",
                [("05 56 44 10 20", "F6C9D1E2F"), ("05 56 44 10 21", null), ("05 56 44 10 22", null)], "3 cours de l'Intendance", "33000", "Bordeaux", "Jean", "Durand");
            office.Submit(jeanActor, Signed("Jean Durand"), Terms, await References.NextAsync(db, now.Year, default), now.AddDays(-3));
            office.CheckDocuments(SupportActor, now.AddDays(-3).AddHours(2)); // the bill matched: it went to OVH

            var fax = Filled(durand.Id, jeanActor, now.AddDays(-12), "F0", "FT-10442",
                [("09 51 20 30 40", "F0Z5Y6X7W")], "3 cours de l'Intendance", "33000", "Bordeaux", "Jean", "Durand");
            fax.Submit(jeanActor, Signed("Jean Durand"), Terms, await References.NextAsync(db, now.Year, default), now.AddDays(-11));
            fax.RequireAction(SupportActor, [ReasonCode.HolderMismatch],
                "Orange indique que la ligne est au nom de « SCP Durand et Associés » : indiquez le titulaire exact figurant sur la facture.", now.AddDays(-2));

            db.PortRequests.AddRange(shop, annex, draft, office, fax);
            // Each signed request came with its bill (the builder's sample PDF): its bytes are stored like an upload's.
            var documents = new Infrastructure.Documents.DatabaseDocumentStore(db);
            foreach (var document in new[] { shop, annex, office, fax }.SelectMany(r => r.Documents))
            {
                documents.Add(document.Id, PortRequestBuilder.SampleBillPdf);
            }

            db.PortRequestMessages.Add(PortRequestMessage.Post(fax, SupportActor,
                "Bonjour, Orange a refusé la demande car le titulaire ne correspond pas. Pouvez-vous vérifier le nom exact sur votre facture ?", false, now.AddDays(-2)));
            db.PortRequestMessages.Add(PortRequestMessage.Post(fax, SupportActor,
                "Appel au service portabilité d'Orange : la ligne est au nom de la SCP, pas de M. Durand.", true, now.AddDays(-2)));
            await db.SaveChangesAsync();
        }

        private static PortRequest Filled(Guid accountId, Actor admin, DateTime at, string carrier, string accountNumber,
            (string Number, string? RioStart)[] lines, string street, string postalCode, string city, string first, string last) =>
            new PortRequestBuilder(accountId, admin, at).Carrier(carrier).CarrierAccount(accountNumber).Lines(lines)
                .Address(street, postalCode, city).Holder(first, last).Draft();

        private async Task<AppUser> CreateUserAsync(string email, string name, string? extension, Guid? accountId, string role)
        {
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                Extension = extension,
                AccountId = accountId,
            };
            (await users.CreateAsync(user, Password)).EnsureSucceeded("Demo data");
            (await users.AddToRoleAsync(user, role)).EnsureSucceeded("Demo data");
            return user;
        }
    }
}
