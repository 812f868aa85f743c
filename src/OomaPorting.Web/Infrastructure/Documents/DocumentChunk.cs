namespace OomaPorting.Web.Infrastructure.Documents;

/// <summary>
/// One slice of a document's bytes (<see cref="DatabaseDocumentStore.ChunkSize"/> at most): a document is written and
/// read chunk by chunk, so neither side ever holds a whole large file in one buffer of the database driver.
/// </summary>
public sealed class DocumentChunk
{
    public Guid DocumentId { get; set; }

    /// <summary>0, 1, 2... in the order of the bytes.</summary>
    public int Index { get; set; }

    public byte[] Data { get; set; } = [];
}
