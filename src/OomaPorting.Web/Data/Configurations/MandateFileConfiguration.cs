using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OomaPorting.Web.Data.Configurations;

public sealed class MandateFileConfiguration : IEntityTypeConfiguration<MandateFile>
{
    public void Configure(EntityTypeBuilder<MandateFile> builder)
    {
        builder.ToTable("MandateFiles");
        builder.HasKey(f => f.MandateId);
        builder.Property(f => f.MandateId).ValueGeneratedNever();
        builder.Property(f => f.Pdf).IsRequired();
        builder.HasOne<Mandate>().WithOne().HasForeignKey<MandateFile>(f => f.MandateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.AccountId);
    }
}
