using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OomaPorting.Web.Infrastructure.Documents;

public sealed class DocumentChunkConfiguration : IEntityTypeConfiguration<DocumentChunk>
{
    public void Configure(EntityTypeBuilder<DocumentChunk> builder)
    {
        builder.ToTable("DocumentChunks");
        builder.HasKey(c => new { c.DocumentId, c.Index });
        builder.Property(c => c.Data).IsRequired();
        // A document's bytes go with it: deleting a draft, removing a document or the retention job's erasure
        // deletes the chunks in the same statement, by cascade.
        builder.HasOne<SupportingDocument>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
