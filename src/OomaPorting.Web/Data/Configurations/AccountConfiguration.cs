using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Data.Configurations;

public sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("Accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.CompanyName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.SearchName).HasMaxLength(400).IsRequired();
        builder.Property(a => a.TemporaryNumber).HasConversion(ValueConverters.FrenchNumber).HasMaxLength(16).IsRequired();
        builder.Property(a => a.MainNumber).HasConversion(ValueConverters.FrenchNumber).HasMaxLength(16);
        builder.Property(a => a.Siret).HasConversion(ValueConverters.Siret).HasMaxLength(14);
        builder.Property(a => a.ClosingReason).HasMaxLength(Account.MaxClosingReasonLength);
        builder.HasIndex(a => a.Siret);
        builder.HasIndex(a => a.SearchName);
        builder.Ignore(a => a.DefaultNumber);
        builder.HasMany(a => a.Numbers).WithOne().HasForeignKey(n => n.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Numbers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

