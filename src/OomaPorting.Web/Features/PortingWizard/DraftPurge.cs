using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>
/// Deletes drafts nobody touched for <see cref="RetentionOptions.DraftPurgeAfterDays"/> (60 by default), with their
/// numbers and history, 200 at a time; a follow-up draft gives its refused numbers back to the request it follows up,
/// as when the admin deletes it. Runs at start and then hourly on every instance: two instances deleting the same
/// draft is harmless (the second finds it gone).
/// </summary>
public sealed class DraftPurge(IServiceScopeFactory scopes, TimeProvider time, IOptions<RetentionOptions> options, ILogger<DraftPurge> logger)
    : PeriodicJob(time, logger)
{
    public const int Batch = 200;

    /// <summary>Purges what is due now; answers how many drafts went.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var before = now.AddDays(-options.Value.DraftPurgeAfterDays);
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var drafts = await db.PortRequests.IgnoreQueryFilters().Include(r => r.Lines).Include(r => r.Events).AsSplitQuery()
                .Where(r => r.Status == PortRequestStatus.Draft && r.UpdatedAtUtc < before)
                .OrderBy(r => r.UpdatedAtUtc).Take(Batch).ToListAsync(ct);
            if (drafts.Count == 0)
            {
                break;
            }

            var originalIds = drafts.Where(d => d.FollowUpOfId is not null).Select(d => d.FollowUpOfId!.Value).Distinct().ToList();
            var originals = await db.PortRequests.IgnoreQueryFilters().Include(r => r.Lines).Where(r => originalIds.Contains(r.Id)).ToListAsync(ct);
            foreach (var draft in drafts)
            {
                foreach (var original in originals.Where(o => o.Id == draft.FollowUpOfId))
                {
                    original.FollowUpDeleted(draft.Id, now);
                }

                db.PortRequests.Remove(draft);
            }

            await db.SaveChangesAsync(ct);
            total += drafts.Count;
            if (drafts.Count < Batch)
            {
                break;
            }
        }

        if (total > 0)
        {
            Logger.LogInformation("Deleted {Count} drafts untouched since {Before:yyyy-MM-dd}", total, before);
        }

        return total;
    }

    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override string Name => "Deleting old drafts";

    protected override Task RunOnceAsync(CancellationToken ct) => PurgeAsync(ct);
}
