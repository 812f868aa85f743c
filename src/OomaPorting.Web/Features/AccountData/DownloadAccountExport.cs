namespace OomaPorting.Web.Features.AccountData;

/// <summary>A ready, unexpired archive of the admin's own account; anything else is not found.</summary>
public static class DownloadAccountExport
{
    public sealed record Query(Guid Id) : IQuery<Archive>;

    /// <param name="Chunks">The bytes, read slice by slice as they are sent.</param>
    public sealed record Archive(string FileName, long Length, IAsyncEnumerable<byte[]> Chunks);

    public sealed class Handler(AppDbContext db, TimeProvider time) : IQueryHandler<Query, Archive>
    {
        public async ValueTask<Archive> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var now = time.GetUtcNow().UtcDateTime;
            var export = await db.AccountExports.AsNoTracking().FirstOrDefaultAsync(e => e.Id == query.Id, cancellationToken);
            if (export is null || !AccountExport.IsDownloadable(export.Status, export.ExpiresAtUtc, now))
            {
                throw new NotFoundException();
            }

            var name = $"donnees-compte-{export.ReadyAtUtc!.Value:yyyy-MM-dd}.zip";
            return new Archive(name, export.SizeBytes ?? 0, ChunksAsync(export.Id, cancellationToken));
        }

        private async IAsyncEnumerable<byte[]> ChunksAsync(Guid id, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            var count = await db.AccountExportChunks.CountAsync(c => c.ExportId == id, ct);
            for (var i = 0; i < count; i++)
            {
                var index = i;
                yield return await db.AccountExportChunks.Where(c => c.ExportId == id && c.Index == index).Select(c => c.Data).FirstAsync(ct);
            }
        }
    }
}
