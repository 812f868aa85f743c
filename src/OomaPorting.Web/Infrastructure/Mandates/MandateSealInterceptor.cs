using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OomaPorting.Web.Infrastructure.Mandates;

/// <summary>
/// Seals every mandate as it is first stored, with the portal's current key: whichever path signs (the wizard, demo
/// data, a tool), no mandate reaches the database without its keyed seal.
/// </summary>
/// <remarks>The keys are read at the first seal, not when a context is made: the start-up checks them after the
/// migrations (<see cref="MandateSealKeyCheck"/>), and a context made before must not create a key.</remarks>
public sealed class MandateSealInterceptor(Func<MandateSealKeys> keys) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Seal(eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Seal(eventData);
        return result;
    }

    private void Seal(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not { } db)
        {
            return;
        }

        // Entries() detects changes first (a mandate is added through its request's collection).
        foreach (var entry in db.ChangeTracker.Entries<Mandate>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.SealWith(keys().Current);
            }
        }
    }
}
