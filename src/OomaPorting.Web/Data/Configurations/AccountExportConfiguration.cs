using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Data.Configurations;

public sealed class AccountExportConfiguration : IEntityTypeConfiguration<AccountExport>
{
    public void Configure(EntityTypeBuilder<AccountExport> builder)
    {
        builder.ToTable("AccountExports");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.RequestedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.RequestedByName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.AccountId, e.RequestedAtUtc });

        // The builder's question (what waits), and the purge's (what expired).
        builder.HasIndex(e => new { e.Status, e.RequestedAtUtc });
        builder.HasIndex(e => e.ExpiresAtUtc);
    }
}
