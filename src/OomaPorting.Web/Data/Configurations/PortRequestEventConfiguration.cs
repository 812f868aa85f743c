using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Data.Configurations;

public sealed class PortRequestEventConfiguration : IEntityTypeConfiguration<PortRequestEvent>
{
    public void Configure(EntityTypeBuilder<PortRequestEvent> builder)
    {
        builder.ToTable("PortRequestEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.AssigneeName).HasMaxLength(200);
        builder.Ignore(e => e.IsInternal);
        builder.Property(e => e.ActorRole).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ReasonCodes).HasMaxLength(400);
        builder.Property(e => e.Comment).HasMaxLength(PortRequest.MaxCommentLength);
        builder.HasIndex(e => new { e.PortRequestId, e.Sequence }).IsUnique();

        // The desk's dashboard: events of some kinds in a time window (the FOC dates set and the sendings-back of 90
        // days), read from this index alone. Led by the time, not the kind: SQLite, with no statistics, took a
        // (Kind, ...) index for "this request's events of this kind" and read every event of that kind for each
        // request (minutes on a million requests); a time range never competes with the request's own index.
        builder.HasIndex(e => new { e.OccurredAtUtc, e.Kind, e.PortRequestId }).HasDatabaseName("IX_PortRequestEvents_Window");
    }
}
