using Microsoft.EntityFrameworkCore.Metadata.Builders;

using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Data.Configurations;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(ApiKey.MaxNameLength).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(k => k.SecretHash).HasMaxLength(32).IsFixedLength().IsRequired();
        builder.Property(k => k.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(k => k.RevokedBy).HasMaxLength(200);
        builder.HasOne<Account>().WithMany().HasForeignKey(k => k.AccountId).OnDelete(DeleteBehavior.Cascade);

        // Each API call finds its key by the prefix it presents (unique); the admin's page lists an account's keys.
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasIndex(k => new { k.AccountId, k.CreatedAtUtc });
    }
}
