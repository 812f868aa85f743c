using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Accounts;

/// <summary>
/// Asking for an account's data (RGPD: the rights of access and of portability): an admin of the account asks, one
/// archive is made at a time, and a finished one is offered for <see cref="OfferedDays"/> days.
/// </summary>
public static class AccountDataRequest
{
    /// <summary>How long a finished archive can be downloaded before it is deleted.</summary>
    public const int OfferedDays = 7;

    /// <summary>Refuses anyone but an admin of the account, and a second archive while one is being made.</summary>
    public static void EnsureMayAsk(Actor actor, bool oneBeingMade)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCustomerAdmin)
        {
            throw new DomainException("Export.NotAllowed", "Only an admin of the account asks for its data.");
        }

        if (oneBeingMade)
        {
            throw new DomainException("Export.Running", "An archive of this account is being made already.");
        }
    }

    /// <summary>When an archive made at <paramref name="readyAtUtc"/> is deleted.</summary>
    public static DateTime ExpiresAt(DateTime readyAtUtc) => readyAtUtc.AddDays(OfferedDays);
}
