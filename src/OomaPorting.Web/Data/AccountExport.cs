namespace OomaPorting.Web.Data;

/// <summary>
/// An archive of an account's data an admin asked for (RGPD: the right of access and of portability): made in the
/// background (<see cref="Features.AccountData.AccountExportBuilder"/>), offered for <see cref="Domain.Accounts.AccountDataRequest.OfferedDays"/> days,
/// then deleted. Its bytes are <see cref="AccountExportChunk"/> rows, so every instance can serve it.
/// </summary>
public sealed class AccountExport
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public string RequestedByUserId { get; set; } = string.Empty;

    public string RequestedByName { get; set; } = string.Empty;

    public DateTime RequestedAtUtc { get; set; }

    public AccountExportStatus Status { get; set; }

    public DateTime? ReadyAtUtc { get; set; }

    /// <summary>When the archive is deleted: <see cref="Domain.Accounts.AccountDataRequest.ExpiresAt"/>.</summary>
    public DateTime? ExpiresAtUtc { get; set; }

    public long? SizeBytes { get; set; }

    /// <summary>The builder run that holds it; a claim older than its deadline is taken again (a crashed instance).</summary>
    public Guid? ClaimToken { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }

    /// <summary>Whether an archive in <paramref name="status"/>, deleted at <paramref name="expiresAtUtc"/>, can be downloaded now: the page offers it then, the download serves it then.</summary>
    public static bool IsDownloadable(AccountExportStatus status, DateTime? expiresAtUtc, DateTime nowUtc) =>
        status == AccountExportStatus.Ready && expiresAtUtc > nowUtc;
}
