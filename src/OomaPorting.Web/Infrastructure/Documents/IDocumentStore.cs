namespace OomaPorting.Web.Infrastructure.Documents;

/// <summary>
/// Where the bytes of supporting documents live. The default, <see cref="DatabaseDocumentStore"/>, keeps them in the
/// portal's database so that every instance sees every file and a backup holds them all; docs/operations.md says how
/// to move to an object store.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Adds <paramref name="content"/> under <paramref name="documentId"/> to the current unit of work: it is stored
    /// when, and only if, the document's own row is (one <c>SaveChanges</c>), so nothing is ever stored half-way.
    /// </summary>
    void Add(Guid documentId, ReadOnlyMemory<byte> content);

    /// <summary>Adds a copy of the bytes of <paramref name="sourceId"/> under <paramref name="copyId"/> to the current unit of work.</summary>
    Task CopyAsync(Guid sourceId, Guid copyId, CancellationToken cancellationToken);

    /// <summary>
    /// The bytes of <paramref name="documentId"/>, piece by piece as they are read (none when nothing is stored). The
    /// caller has checked, through the account filter, that the document may be read.
    /// </summary>
    IAsyncEnumerable<byte[]> ReadAsync(Guid documentId, CancellationToken cancellationToken);
}
