// Fills a portal database with realistic volume through the real schema and the domain's own methods:
//   dotnet run -c Release --project tests/load/Generator -- <sqlite file> <accounts> <requests> [seed]
//   dotnet run -c Release --project tests/load/Generator -- <sqlite file> --block    (only the demo account's block)
// The database must already exist (start the portal once on it: migrations and demo data).
// About one request in 200 is a block of 10 to 1,000 SDA numbers, some with numbers refused by the carrier or failed at
// the test call; ported numbers join their account. Boulangerie Martin (the demo account the harness signs in to) gets
// one completed block of 1,000 numbers, 10 of them refused: its id is written next to the database (.block-request),
// and so is a cursor for a deep page of the support queue (.deep-cursor). Prints how long it took.
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure;
using OomaPorting.Web.Infrastructure.Settings;

if (args.Length < 3 && !(args.Length == 2 && args[1] == "--block"))
{
    Console.Error.WriteLine("usage: Generator <sqlite file> <accounts> <requests> [seed] | Generator <sqlite file> --block");
    return 2;
}

var file = args[0];
var blockOnly = args[1] == "--block";
var accountCount = blockOnly ? 0 : int.Parse(args[1], CultureInfo.InvariantCulture);
var requestCount = blockOnly ? 0 : int.Parse(args[2], CultureInfo.InvariantCulture);
var random = new Random(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 42);
var calendar = BusinessCalendar.France;
var terms = new PortingTerms("2026-11-fr", "Conditions de portage (jeu de données de charge).");
var admin = new Actor("load-admin", ActorRole.AccountAdmin, "Charge");
var support = new Actor("load-support", ActorRole.Support, "Support charge");
var now = DateTime.UtcNow;
var clock = Stopwatch.StartNew();

var sealKeys = OomaPorting.Web.Infrastructure.Mandates.MandateSealKeys.Load(
    Microsoft.Extensions.Options.Options.Create(new OomaPorting.Web.Infrastructure.Settings.MandateOptions()), Path.GetDirectoryName(Path.GetFullPath(file))!);
var sealer = new OomaPorting.Web.Infrastructure.Mandates.MandateSealInterceptor(() => sealKeys);

SqliteAppDbContext Open()
{
    var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
        .UseSqlite($"Data Source={file};Default Timeout=60")
        .AddInterceptors(SqlitePragmas.For(SqliteDurability.Normal), // a bulk load: a generation cut short is run again
            sealer) // mandates sealed with the data folder's key, as the portal seals them
        .Options;
    var db = new SqliteAppDbContext(options) { NotificationsSuppressed = true };
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    return db;
}

// References continue from those already given (the demo data's).
var counters = new Dictionary<int, int>();
await using (var db = Open())
{
    foreach (var c in await db.ReferenceCounters.AsNoTracking().ToListAsync())
    {
        counters[c.Year] = c.LastValue;
    }
}

if (blockOnly)
{
    await DemoBlockAsync();
    Console.WriteLine($"The demo account's block in {clock.Elapsed.TotalSeconds:0.0} s");
    return 0;
}

// Accounts: each with its temporary 09 number.
var accounts = new List<Guid>(accountCount);
await using (var db = Open())
{
    for (var i = 0; i < accountCount; i++)
    {
        var id = Guid.NewGuid();
        accounts.Add(id);
        var temporary = FrenchNumber.Parse("+339" + (75_000_000 + i).ToString(CultureInfo.InvariantCulture));
        db.Accounts.Add(Account.Open(id, $"Entreprise {i:D5}", temporary, now.AddDays(-random.Next(30, 900))));
        if (i % 2000 == 1999)
        {
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();
}

Console.WriteLine($"{accountCount} accounts in {clock.Elapsed.TotalSeconds:0.0} s");

// Requests in every state, about three numbers each, with their events and mandates.
var numberSeed = 0L;
const int Batch = 2000;
for (var start = 0; start < requestCount; start += Batch)
{
    await using var db = Open();
    var ported = new List<(PortRequest Request, IReadOnlyList<PortLine> Lines)>();
    for (var i = start; i < Math.Min(requestCount, start + Batch); i++)
    {
        var (request, lines) = NewRequest(accounts[random.Next(accounts.Count)]);
        db.PortRequests.Add(request);
        if (lines.Count > 0)
        {
            ported.Add((request, lines));
        }
    }

    // Ported numbers join their accounts (the main number replacing the temporary one), as the test call does.
    var ids = ported.Select(p => p.Request.AccountId).Distinct().ToList();
    var owners = await db.Accounts.IgnoreQueryFilters().Include(a => a.Numbers).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
    foreach (var (request, lines) in ported)
    {
        owners[request.AccountId].AddPortedNumbers(request, lines, request.CompletedAtUtc ?? now);
    }

    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();
    if ((start / Batch) % 50 == 49)
    {
        Console.WriteLine($"{start + Batch} requests in {clock.Elapsed.TotalSeconds:0.0} s");
    }
}

await DemoBlockAsync();

// The reference counters continue after the generated ones.
await using (var db = Open())
{
    foreach (var (year, last) in counters)
    {
        var existing = await db.ReferenceCounters.FindAsync(year);
        if (existing is null)
        {
            db.ReferenceCounters.Add(new ReferenceCounter { Year = year, LastValue = last });
        }
        else
        {
            existing.LastValue = Math.Max(existing.LastValue, last);
        }
    }

    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();

    // A cursor in the middle of the support queue (sorted by age): the "deep page" of the load test.
    var waiting = await db.PortRequests.IgnoreQueryFilters().CountAsync(r => r.Status != PortRequestStatus.Draft);
    var middle = await db.PortRequests.IgnoreQueryFilters().Where(r => r.Status != PortRequestStatus.Draft)
        .OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id).Skip(waiting / 2)
        .Select(r => new { r.SubmittedAtUtc, r.Id }).FirstAsync();
    // The queue's cursor: urgency rank (unused by the age sort), sort key, id.
    var cursor = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"0_{middle.SubmittedAtUtc!.Value.Ticks}_{middle.Id:N}"))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
    await File.WriteAllTextAsync(file + ".deep-cursor", cursor);
}

Console.WriteLine($"{requestCount} requests in {clock.Elapsed.TotalSeconds:0.0} s ({requestCount / clock.Elapsed.TotalSeconds:0} requests/s)");
return 0;

(PortRequest Request, IReadOnlyList<PortLine> Ported) NewRequest(Guid accountId)
{
    var created = now.AddMinutes(-random.Next(60, 60 * 24 * 700));
    // One request in 200 is a block of SDA numbers: 10 to 1,000 (as many small ones as large), consecutive, in one
    // 10,000-number window (the same first six digits), behind a head number.
    var block = random.Next(200) == 0 ? (int)Math.Round(10 * Math.Pow(100, random.NextDouble())) : 0;
    var count = block > 0 ? block : 1 + random.Next(5) switch { 0 => 0, 1 or 2 => 2, 3 => 3, _ => 1 };
    if (block > 0 && numberSeed % 10_000 + count > 10_000)
    {
        numberSeed += 10_000 - numberSeed % 10_000;
    }

    // The main line's RIO names the chosen carrier, as a real one does (its first two characters).
    var carrier = Carrier.FixedLine[random.Next(Carrier.FixedLine.Count)].Code;
    var lines = Enumerable.Range(0, count)
        .Select(l => ("+3314" + (numberSeed++ % 10_000_000).ToString("D7", CultureInfo.InvariantCulture), l == 0 ? carrier + "L0ADTST" : null))
        .ToArray();
    var builder = new PortRequestBuilder(accountId, admin, created)
        .Carrier(carrier)
        .CarrierAccount("CPT-" + random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture))
        .Lines([.. lines.Select(l => (l.Item1, (string?)l.Item2))])
        .Address($"{random.Next(1, 200)} rue de la Charge", "75011", "Paris").Holder("Camille", "Durand")
        .MainNumber(lines[0].Item1, keepTemporaryNumber: random.Next(10) == 0);
    var roll = random.Next(100);
    if (roll < 5)
    {
        return (builder.Draft(), []);
    }

    var submitted = created.AddMinutes(random.Next(5, 600));
    var year = BusinessCalendar.DateInFrance(submitted).Year;
    counters[year] = counters.GetValueOrDefault(year) + 1;
    var r = builder.Submit($"POR-{year}-{counters[year]:D6}", submitted, terms, new SignatureInput("Camille Durand", true, "127.0.0.1", "load", null, SignerCapacity.Manager, AuthorityConfirmed: true, SignerConfirmation.ByEmailCode("charge@exemple.fr", now)));
    if (roll < 25)
    {
        return (r, []);
    }

    if (roll < 30)
    {
        r.RequireAction(support, [ReasonCode.HolderMismatch], "Le titulaire ne correspond pas.", submitted.AddDays(3));
        return (r, []);
    }

    if (roll < 35)
    {
        r.Cancel(admin, "Changement d'avis", calendar, submitted.AddDays(1));
        return (r, []);
    }

    // A third of the blocks have a few numbers refused by the carrier (1 to 5 %), the others going ahead.
    if (block > 0 && random.Next(3) == 0)
    {
        var refused = r.Lines.Where(l => !l.IsMainLine).OrderBy(_ => random.Next()).Take(Math.Max(1, block * random.Next(1, 6) / 100))
            .Select(l => l.Number).ToList();
        r.RefuseNumbers(support, refused, ReasonCode.NumberInactive, "Numéros résiliés chez l'opérateur.", submitted.AddDays(3));
    }

    var decided = submitted.AddDays(4);
    var foc = calendar.AddWorkingDays(BusinessCalendar.DateInFrance(decided), 6);
    r.CheckDocuments(support, decided);
    r.SetFocDate(support, foc, calendar, decided);
    if (roll < 55)
    {
        return (r, []);
    }

    var focDay = foc.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
    r.StartTestCall(support, focDay);
    if (roll < 57)
    {
        return (r, []);
    }

    // Some blocks fail the test call for a few numbers, which the customer must see to.
    if (block > 0 && random.Next(4) == 0)
    {
        var failed = r.LinesToPort.Where(l => !l.IsMainLine).Take(Math.Max(1, block / 50)).Select(l => l.Number).ToList();
        return (r, r.RecordTestCallFailedActionRequired(support, "Numéros muets à l'appel test.", [ReasonCode.NumberInactive], focDay.AddMinutes(30), failed));
    }

    return (r, r.RecordTestCallPassed(support, focDay.AddMinutes(30)));
}

// Boulangerie Martin (the harness's demo admin and user) ports a block of 1,000 numbers: completed, 10 refused, 990 on
// its Postes tab. The request and the support pages of a block are measured on it.
async Task DemoBlockAsync()
{
    await using var db = Open();
    var martin = await db.Accounts.IgnoreQueryFilters().Include(a => a.Numbers).FirstAsync(a => a.CompanyName == "Boulangerie Martin");
    var martinAdmin = await db.Users.Where(u => u.AccountId == martin.Id).OrderBy(u => u.Email).Select(u => u.Id).FirstAsync();
    var actor = new Actor(martinAdmin, ActorRole.AccountAdmin, "Marie Martin");
    var at = now.AddDays(-20);
    var lines = Enumerable.Range(0, 1000).Select(i => ("01 39 77 " + (i / 100).ToString("D2", CultureInfo.InvariantCulture) + " "
        + (i % 100).ToString("D2", CultureInfo.InvariantCulture), i == 0 ? "F0L0ADTST" : (string?)null)).ToArray();
    var r = new PortRequestBuilder(martin.Id, actor, at).Carrier("F0").Lines(lines).Draft();
    r.ChooseMainNumber(actor, null, keepTemporaryNumber: false, accountHasOwnMainNumber: true, at);
    var year = BusinessCalendar.DateInFrance(at).Year;
    var last = await db.ReferenceCounters.AsNoTracking().Where(c => c.Year == year).Select(c => (int?)c.LastValue).FirstOrDefaultAsync();
    counters[year] = Math.Max(counters.GetValueOrDefault(year), last ?? 0) + 1;
    r.Submit(actor, new SignatureInput("Marie Martin", true, "127.0.0.1", "load", null, SignerCapacity.Manager, AuthorityConfirmed: true, SignerConfirmation.ByEmailCode("charge@exemple.fr", now)), terms, $"POR-{year}-{counters[year]:D6}", at);
    r.RefuseNumbers(support, [.. Enumerable.Range(1, 10).Select(i => r.Lines[i * 97].Number)], ReasonCode.RioInvalid, "RIO non reconnu.", at.AddDays(2));
    var foc = calendar.AddWorkingDays(BusinessCalendar.DateInFrance(at.AddDays(3)), 6);
    r.CheckDocuments(support, at.AddDays(3));
    r.SetFocDate(support, foc, calendar, at.AddDays(3));
    var focDay = foc.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
    r.StartTestCall(support, focDay);
    martin.AddPortedNumbers(r, r.RecordTestCallPassed(support, focDay.AddMinutes(30)), focDay.AddMinutes(30));
    db.PortRequests.Add(r);
    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();
    var counter = await db.ReferenceCounters.FindAsync(year);
    if (counter is null)
    {
        db.ReferenceCounters.Add(new ReferenceCounter { Year = year, LastValue = counters[year] });
    }
    else
    {
        counter.LastValue = Math.Max(counter.LastValue, counters[year]);
    }

    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();
    await File.WriteAllTextAsync(file + ".block-request", r.Id.ToString());
}
