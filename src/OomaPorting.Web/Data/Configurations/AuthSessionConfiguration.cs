using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Data.Configurations;

public sealed class AuthSessionConfiguration : IEntityTypeConfiguration<AuthSession>
{
    public void Configure(EntityTypeBuilder<AuthSession> builder)
    {
        builder.ToTable("AuthSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.SecurityStamp).HasMaxLength(256).IsRequired();
        builder.Property(s => s.Device).HasMaxLength(AuthSession.MaxDeviceLength);
        builder.Property(s => s.IpAddress).HasMaxLength(45);
        builder.HasIndex(s => s.PublicId).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresAtUtc);
    }
}
