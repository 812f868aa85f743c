using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Data.Configurations;

public sealed class AccountNumberConfiguration : IEntityTypeConfiguration<AccountNumber>
{
    public void Configure(EntityTypeBuilder<AccountNumber> builder)
    {
        builder.ToTable("AccountNumbers");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Number).HasConversion(ValueConverters.FrenchNumber).HasMaxLength(16).IsRequired();
        builder.Property(n => n.AssignedUserId).HasMaxLength(450);

        // A number belongs to at most one Ooma account.
        builder.HasIndex(n => n.Number).IsUnique();
        builder.HasIndex(n => new { n.AccountId, n.AssignedUserId });
    }
}
