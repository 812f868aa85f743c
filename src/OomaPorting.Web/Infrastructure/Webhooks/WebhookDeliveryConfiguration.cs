using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Infrastructure.Webhooks;

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.EventType).HasMaxLength(60).IsRequired();
        builder.Property(d => d.Payload).IsRequired();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.LastError).HasMaxLength(20);
        builder.Property(d => d.ClaimedBy).HasMaxLength(ClaimHolder.MaxLength);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);

        // The dispatcher's question: what is due; and, per endpoint and request, is an earlier one still pending?
        builder.HasIndex(d => new { d.Status, d.NextAttemptAtUtc });
        builder.HasIndex(d => new { d.EndpointId, d.PortRequestId, d.Sequence });
        builder.HasIndex(d => d.ClaimToken);

        // The endpoint's log, newest first; the next sequence of a request.
        builder.HasIndex(d => new { d.EndpointId, d.CreatedAtUtc });
        builder.HasIndex(d => new { d.PortRequestId, d.Sequence });

        // The retention job's question: made before the cut-off.
        builder.HasIndex(d => d.CreatedAtUtc);
    }
}
