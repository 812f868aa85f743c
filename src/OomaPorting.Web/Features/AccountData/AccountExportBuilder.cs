using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Api;
using OomaPorting.Web.Infrastructure.Documents;
using OomaPorting.Web.Infrastructure.Pdf;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Features.AccountData;

/// <summary>
/// Makes the archives admins asked for, one at a time, every <see cref="AccountExportOptions.PollSeconds"/> on every instance (a claim by one conditional
/// UPDATE keeps two instances off the same one), and deletes those past their <see cref="Domain.Accounts.AccountDataRequest.OfferedDays"/>.
/// An archive is a ZIP: <c>LISEZMOI.txt</c>; <c>compte.json</c> (the account, its users and their roles, its numbers);
/// one <c>demandes/{reference}.json</c> per request (answers, numbers with their outcome, the public history and the
/// thread with support, never the desk's internal notes); beside it the signed mandate in force as PDF and the
/// supporting documents as uploaded.
/// </summary>
public sealed class AccountExportBuilder(IServiceScopeFactory scopes, IOptions<AccountExportOptions> options, TimeProvider time,
    ILogger<AccountExportBuilder> logger) : PeriodicJob(time, logger)
{
    public const int ChunkSize = 256 * 1024;

    private static readonly JsonSerializerOptions Json = MakeJson();

    protected override TimeSpan Period => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override bool Enabled => options.Value.BuilderEnabled;

    protected override string Name => "Making account exports";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        while (await BuildNextAsync(ct))
        {
        }

        await PurgeExpiredAsync(ct);
    }

    /// <summary>Claims the oldest waiting archive and makes it; false when none waits.</summary>
    public async Task<bool> BuildNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Time.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        var exports = db.AccountExports.IgnoreQueryFilters();
        var next = exports.Where(e => e.Status == AccountExportStatus.Pending && (e.ClaimedUntilUtc == null || e.ClaimedUntilUtc < now))
            .OrderBy(e => e.RequestedAtUtc).Select(e => e.Id).Take(1);
        var claimed = await exports.Where(e => next.Contains(e.Id) && e.Status == AccountExportStatus.Pending && (e.ClaimedUntilUtc == null || e.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.ClaimToken, token).SetProperty(e => e.ClaimedUntilUtc, now.AddMinutes(10)), ct);
        if (claimed == 0)
        {
            return false;
        }

        var export = await exports.FirstAsync(e => e.ClaimToken == token, ct);
        try
        {
            var archive = await BuildAsync(db, scope.ServiceProvider, export.AccountId, ct);
            for (var i = 0; i * ChunkSize < archive.Length; i++)
            {
                db.AccountExportChunks.Add(new AccountExportChunk
                {
                    ExportId = export.Id, Index = i, Data = archive.AsSpan(i * ChunkSize, Math.Min(ChunkSize, archive.Length - (i * ChunkSize))).ToArray(),
                });
            }

            export.Status = AccountExportStatus.Ready;
            export.SizeBytes = archive.Length;
            export.ReadyAtUtc = Time.GetUtcNow().UtcDateTime;
            export.ExpiresAtUtc = Domain.Accounts.AccountDataRequest.ExpiresAt(export.ReadyAtUtc.Value);
            Logger.LogInformation("Made export {ExportId} of account {AccountId}: {Bytes} bytes", export.Id, export.AccountId, archive.Length);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            db.Attach(export);
            export.Status = AccountExportStatus.Failed;
            Logger.LogError(e, "Making export {ExportId} of account {AccountId} failed", export.Id, export.AccountId);
        }

        export.ClaimToken = null;
        export.ClaimedUntilUtc = null;
        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    /// <summary>Deletes the archives past their offer (their chunks by cascade).</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Time.GetUtcNow().UtcDateTime;
        var expired = db.AccountExports.IgnoreQueryFilters().Where(e => e.ExpiresAtUtc < now);
        await db.AccountExportChunks.Where(c => expired.Any(e => e.Id == c.ExportId)).ExecuteDeleteAsync(ct);
        return await expired.ExecuteDeleteAsync(ct);
    }

    private static async Task<byte[]> BuildAsync(AppDbContext db, IServiceProvider services, Guid accountId, CancellationToken ct)
    {
        var account = await db.Accounts.IgnoreQueryFilters().AsNoTracking().FirstAsync(a => a.Id == accountId, ct);
        var admins = Infrastructure.Identity.RoleMembers.UserIds(db, Roles.AccountAdmin);
        var users = await db.Users.AsNoTracking().Where(u => u.AccountId == accountId).OrderBy(u => u.DisplayName)
            .Select(u => new { u.DisplayName, u.Email, Admin = admins.Contains(u.Id), Active = !u.IsDisabled, u.Extension, u.PreferredCulture, u.Id })
            .ToListAsync(ct);
        var numbers = await db.AccountNumbers.IgnoreQueryFilters().AsNoTracking().Where(n => n.AccountId == accountId).OrderBy(n => n.AddedAtUtc).ToListAsync(ct);
        var names = users.ToDictionary(u => u.Id, u => u.DisplayName);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteTextAsync(zip, "LISEZMOI.txt", Readme(account.CompanyName));
            await WriteJsonAsync(zip, "compte.json", new
            {
                company = account.CompanyName,
                siret = account.Siret?.Value,
                createdAt = account.CreatedAtUtc,
                temporaryNumber = account.TemporaryNumber.E164,
                mainNumber = account.MainNumber?.E164,
                users = users.Select(u => new { name = u.DisplayName, email = u.Email, role = u.Admin ? "admin" : "user", active = u.Active, extension = u.Extension, language = u.PreferredCulture }),
                numbers = numbers.Select(n => new { number = n.Number.E164, display = n.Number.Display, kind = n.Kind, assignedTo = n.AssignedUserId is { } id ? names.GetValueOrDefault(id) : null, addedAt = n.AddedAtUtc }),
            });

            var mandatePdf = services.GetRequiredService<MandatePdf>();
            var store = services.GetRequiredService<IDocumentStore>();
            var ids = await db.PortRequests.IgnoreQueryFilters().Where(r => r.AccountId == accountId).OrderBy(r => r.CreatedAtUtc).Select(r => r.Id).ToListAsync(ct);
            foreach (var id in ids)
            {
                // One request at a time: an account with thousands never holds them all in memory.
                var r = await db.PortRequests.IgnoreQueryFilters().AsNoTracking().Include(x => x.Lines).Include(x => x.Events).FirstAsync(x => x.Id == id, ct);
                var folder = "demandes/" + (r.Reference ?? "brouillon-" + r.Id.ToString("N")[..8]);
                var messages = await db.PortRequestMessages.IgnoreQueryFilters().AsNoTracking().Where(m => m.PortRequestId == id && !m.IsInternal)
                    .OrderBy(m => m.SentAtUtc).ToListAsync(ct);
                await WriteJsonAsync(zip, folder + ".json", new
                {
                    id = r.Id, reference = r.Reference, status = r.Status, numberType = r.NumberType, carrier = r.CarrierDisplayName,
                    carrierAccountNumber = r.CarrierAccountNumber?.Value, internet = r.InternetConnection,
                    holder = r.AccountHolder is { } h ? new { h.FirstName, h.LastName, h.CompanyName, siret = h.Siret?.Value } : null,
                    address = r.ServiceAddress is { } a ? new { a.Street, a.Complement, a.PostalCode, a.City } : null,
                    focDate = r.FocDate, createdAt = r.CreatedAtUtc, submittedAt = r.SubmittedAtUtc, completedAt = r.CompletedAtUtc, cancelledAt = r.CancelledAtUtc,
                    personalDataErasedAt = r.PersonalDataErasedAtUtc,
                    numbers = r.Lines.OrderBy(l => l.Position).Select(l => new
                    {
                        number = l.Number.E164, display = l.Number.Display, main = l.Position == 0, rio = l.Rio?.Value, status = l.Status,
                        refusalReason = l.RefusalReason, refusalComment = l.RefusalComment, portedAt = l.PortedAtUtc,
                    }),
                    history = r.Events.Where(e => !e.IsInternal).OrderBy(e => e.Sequence).Select(e => new
                    {
                        at = e.OccurredAtUtc, kind = e.Kind, from = e.FromStatus, to = e.ToStatus, by = e.ActorName, focDate = e.NewFocDate,
                    }),
                    messages = messages.Select(m => new { at = m.SentAtUtc, from = m.AuthorRole == ActorRole.Support ? "support" : "customer", author = m.AuthorName, body = m.Body }),
                });

                if (r.Reference is not null && r.MandatesDeletedAtUtc is null
                    && await db.Mandates.IgnoreQueryFilters().AsNoTracking().Where(m => m.PortRequestId == id).OrderByDescending(m => m.Sequence).FirstOrDefaultAsync(ct) is { } mandate)
                {
                    var pdf = await mandatePdf.SignedAsync(db, r, mandate, account.CompanyName, numbers.Any(n => n.Kind == Domain.Accounts.AccountNumberKind.Temporary), ct);
                    await WriteBytesAsync(zip, $"{folder}/mandat-{r.Reference}.pdf", pdf);
                }

                var documents = await db.SupportingDocuments.IgnoreQueryFilters().AsNoTracking().Where(d => d.PortRequestId == id).OrderBy(d => d.UploadedAtUtc).ToListAsync(ct);
                foreach (var (d, n) in documents.Select((d, n) => (d, n)))
                {
                    var entry = zip.CreateEntry($"{folder}/justificatifs/{n + 1}-{d.FileName}", CompressionLevel.Fastest);
                    await using var output = await entry.OpenAsync(ct);
                    await foreach (var chunk in store.ReadAsync(d.Id, ct))
                    {
                        await output.WriteAsync(chunk, ct);
                    }
                }
            }
        }

        return buffer.ToArray();
    }

    private static string Readme(string company) => $"""
        Données du compte « {company} » sur le portail de portage Ooma Office.

        compte.json : le compte, ses utilisateurs (nom, e-mail, rôle) et ses numéros.
        demandes/<référence>.json : chaque demande de portage (réponses du formulaire, numéros et leur issue, historique,
        échanges avec le support). Les notes internes du support n'en font pas partie.
        demandes/<référence>/mandat-<référence>.pdf : le mandat signé en vigueur (tant qu'il est conservé).
        demandes/<référence>/justificatifs/ : les pièces déposées (factures, Kbis...).

        Les dates sont en temps universel (UTC) ; les numéros au format international (+33...).
        Les données personnelles d'une demande close depuis plus de 13 mois ont été effacées et n'y figurent plus.
        """;

    private static async Task WriteJsonAsync(ZipArchive zip, string name, object value) =>
        await WriteBytesAsync(zip, name, JsonSerializer.SerializeToUtf8Bytes(value, Json));

    private static Task WriteTextAsync(ZipArchive zip, string name, string text) => WriteBytesAsync(zip, name, Encoding.UTF8.GetBytes(text));

    private static async Task WriteBytesAsync(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var output = await entry.OpenAsync();
        await output.WriteAsync(bytes);
    }

    private static JsonSerializerOptions MakeJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        ApiJson.Configure(options);
        return options;
    }
}
