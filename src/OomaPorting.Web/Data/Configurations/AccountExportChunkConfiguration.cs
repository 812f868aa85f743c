using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OomaPorting.Web.Data.Configurations;

public sealed class AccountExportChunkConfiguration : IEntityTypeConfiguration<AccountExportChunk>
{
    public void Configure(EntityTypeBuilder<AccountExportChunk> builder)
    {
        builder.ToTable("AccountExportChunks");
        builder.HasKey(c => new { c.ExportId, c.Index });
        builder.Property(c => c.Data).IsRequired();
        builder.HasOne<AccountExport>().WithMany().HasForeignKey(c => c.ExportId).OnDelete(DeleteBehavior.Cascade);
    }
}
