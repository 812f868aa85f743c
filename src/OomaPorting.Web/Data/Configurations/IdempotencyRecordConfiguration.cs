using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OomaPorting.Web.Infrastructure.Api;

namespace OomaPorting.Web.Data.Configurations;

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength).IsUnicode(false).IsRequired();
        builder.Property(r => r.RequestHash).HasMaxLength(32).IsFixedLength().IsRequired();
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(400);
        builder.Property(r => r.ETag).HasMaxLength(40);
        builder.Property(r => r.ClaimedBy).HasMaxLength(Infrastructure.ClaimHolder.MaxLength);

        // One answer per key of an API key (the claim is this index refusing a second insert); the hourly purge by age.
        builder.HasIndex(r => new { r.ApiKeyId, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAtUtc);
    }
}
