using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace OomaPorting.Web.Infrastructure.Documents;

/// <summary>
/// Documents in the portal's database (SQLite or SQL Server alike), in chunks of <see cref="ChunkSize"/>: written
/// with the unit of work of the request that attaches them, read one chunk at a time straight to the response.
/// </summary>
public sealed class DatabaseDocumentStore(AppDbContext db) : IDocumentStore
{
    /// <summary>256 KB: a 10 MB file is 40 rows; a reader holds one chunk at a time.</summary>
    public const int ChunkSize = 256 * 1024;

    public void Add(Guid documentId, ReadOnlyMemory<byte> content)
    {
        var index = 0;
        for (var offset = 0; offset < content.Length; offset += ChunkSize)
        {
            var size = Math.Min(ChunkSize, content.Length - offset);
            db.DocumentChunks.Add(new DocumentChunk { DocumentId = documentId, Index = index++, Data = content.Slice(offset, size).ToArray() });
        }
    }

    public async Task CopyAsync(Guid sourceId, Guid copyId, CancellationToken cancellationToken)
    {
        await foreach (var chunk in db.DocumentChunks.AsNoTracking().Where(c => c.DocumentId == sourceId).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            db.DocumentChunks.Add(new DocumentChunk { DocumentId = copyId, Index = chunk.Index, Data = chunk.Data });
        }
    }

    public async IAsyncEnumerable<byte[]> ReadAsync(Guid documentId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunks = db.DocumentChunks.AsNoTracking().Where(c => c.DocumentId == documentId).OrderBy(c => c.Index).Select(c => c.Data);
        await foreach (var data in chunks.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return data;
        }
    }
}
