// Fills a portal database with realistic volume through the real schema and the domain's own methods:
//   dotnet run -c Release --project tests/load/Generator -- <sqlite file> <accounts> <requests> [seed]
// The database must already exist (start the portal once on it: migrations and demo data).
// Prints how long it took and writes next to the database a cursor for a deep page of the support queue.
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

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: Generator <sqlite file> <accounts> <requests> [seed]");
    return 2;
}

var file = args[0];
var accountCount = int.Parse(args[1], CultureInfo.InvariantCulture);
var requestCount = int.Parse(args[2], CultureInfo.InvariantCulture);
var random = new Random(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 42);
var calendar = BusinessCalendar.France;
var terms = new PortingTerms("2026-11-fr", "Conditions de portage (jeu de données de charge).");
var admin = new Actor("load-admin", ActorRole.AccountAdmin, "Charge");
var support = new Actor("load-support", ActorRole.Support, "Support charge");
var now = DateTime.UtcNow;
var clock = Stopwatch.StartNew();

SqliteAppDbContext Open()
{
    var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
        .UseSqlite($"Data Source={file};Default Timeout=60")
        .AddInterceptors(SqlitePragmas.Instance)
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
    for (var i = start; i < Math.Min(requestCount, start + Batch); i++)
    {
        db.PortRequests.Add(NewRequest(accounts[random.Next(accounts.Count)]));
    }

    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();
    if ((start / Batch) % 50 == 49)
    {
        Console.WriteLine($"{start + Batch} requests in {clock.Elapsed.TotalSeconds:0.0} s");
    }
}

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

PortRequest NewRequest(Guid accountId)
{
    var created = now.AddMinutes(-random.Next(60, 60 * 24 * 700));
    var count = 1 + random.Next(5) switch { 0 => 0, 1 or 2 => 2, 3 => 3, _ => 1 };
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
        return builder.Draft();
    }

    var submitted = created.AddMinutes(random.Next(5, 600));
    var year = BusinessCalendar.DateInFrance(submitted).Year;
    counters[year] = counters.GetValueOrDefault(year) + 1;
    var r = builder.Submit($"POR-{year}-{counters[year]:D6}", submitted, terms, new SignatureInput("Camille Durand", true, "127.0.0.1", "load", null));
    if (roll < 25)
    {
        return r;
    }

    if (roll < 30)
    {
        r.RequireAction(support, [ReasonCode.HolderMismatch], "Le titulaire ne correspond pas.", submitted.AddDays(3));
        return r;
    }

    if (roll < 35)
    {
        r.Cancel(admin, "Changement d'avis", calendar, submitted.AddDays(1));
        return r;
    }

    var decided = submitted.AddDays(4);
    var foc = calendar.AddWorkingDays(BusinessCalendar.DateInFrance(decided), 6);
    r.SetFocDate(support, foc, calendar, decided);
    if (roll < 55)
    {
        return r;
    }

    var focDay = foc.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
    r.StartTestCall(support, focDay);
    if (roll < 57)
    {
        return r;
    }

    r.RecordTestCallPassed(support, focDay.AddMinutes(30));
    return r;
}
