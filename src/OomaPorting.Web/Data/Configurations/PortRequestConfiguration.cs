using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Data.Configurations;

public sealed class PortRequestConfiguration : IEntityTypeConfiguration<PortRequest>
{
    public void Configure(EntityTypeBuilder<PortRequest> builder)
    {
        builder.ToTable("PortRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Reference).HasMaxLength(20);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.CreatedByUserId).HasMaxLength(450).IsRequired();

        builder.Property(r => r.NumberType).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.CarrierCode).HasMaxLength(10);
        builder.Property(r => r.CarrierOtherName).HasMaxLength(100);
        builder.Property(r => r.CarrierAccountNumber).HasConversion(ValueConverters.CarrierAccountNumber).HasMaxLength(30);
        builder.Property(r => r.InternetConnection).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.SharedLine).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.MainOomaNumber).HasConversion(ValueConverters.FrenchNumber).HasMaxLength(16);
        builder.Property(r => r.SignerName).HasMaxLength(200);
        builder.Property(r => r.ActionMessage).HasMaxLength(PortRequest.MaxCommentLength);
        builder.PrimitiveCollection<List<ReasonCode>>("_actionReasons").HasColumnName("ActionReasons");
        builder.Ignore(r => r.ActionReasons);

        builder.OwnsOne(r => r.ServiceAddress, a =>
        {
            a.Property(x => x.Street).HasColumnName("AddressStreet").HasMaxLength(200);
            a.Property(x => x.Complement).HasColumnName("AddressComplement").HasMaxLength(200);
            a.Property(x => x.PostalCode).HasColumnName("AddressPostalCode").HasMaxLength(5);
            a.Property(x => x.City).HasColumnName("AddressCity").HasMaxLength(100);
        });
        builder.OwnsOne(r => r.AccountHolder, h =>
        {
            h.Property(x => x.FirstName).HasColumnName("HolderFirstName").HasMaxLength(100);
            h.Property(x => x.LastName).HasColumnName("HolderLastName").HasMaxLength(100);
            h.Property(x => x.CompanyName).HasColumnName("HolderCompanyName").HasMaxLength(200);
            h.Ignore(x => x.FullName);
        });

        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.PortRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.PortRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Mandates).WithOne().HasForeignKey(m => m.PortRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Mandates).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Ignore(r => r.IsActive);
        builder.Ignore(r => r.IsBlockedByDryLine);
        builder.Ignore(r => r.CarrierDisplayName);
        builder.Ignore(r => r.EditableSections);

        // The status list of an account, newest first; the support queue by status and age.
        builder.HasIndex(r => new { r.AccountId, r.UpdatedAtUtc });
        builder.HasIndex(r => new { r.Status, r.SubmittedAtUtc, r.Id });
        builder.HasIndex(r => new { r.Status, r.FocDate, r.Id });

        // The support queue without a status filter walks these in order: a page reads its 25 rows, not the table.
        builder.HasIndex(r => new { r.SubmittedAtUtc, r.Id });
        builder.HasIndex(r => new { r.FocDate, r.Id });
    }
}

public sealed class PortLineConfiguration : IEntityTypeConfiguration<PortLine>
{
    public void Configure(EntityTypeBuilder<PortLine> builder)
    {
        builder.ToTable("PortLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Number).HasConversion(ValueConverters.FrenchNumber).HasMaxLength(16).IsRequired();
        builder.Property(l => l.Rio).HasConversion(ValueConverters.Rio).HasMaxLength(12);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(12);
        builder.Ignore(l => l.IsMainLine);
        builder.HasIndex(l => new { l.PortRequestId, l.Position }).IsUnique();

        // "Is this number already in an active request of any account?"
        builder.HasIndex(l => new { l.Number, l.Status });
    }
}

public sealed class MandateConfiguration : IEntityTypeConfiguration<Mandate>
{
    public void Configure(EntityTypeBuilder<Mandate> builder)
    {
        builder.ToTable("Mandates");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.SignerName).HasMaxLength(200).IsRequired();
        builder.Property(m => m.ClientAddress).HasMaxLength(64);
        builder.Property(m => m.UserAgent).HasMaxLength(512);
        builder.Property(m => m.TermsVersion).HasMaxLength(20).IsRequired();
        builder.Property(m => m.CanonicalText).IsRequired();
        builder.Property(m => m.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Ignore(m => m.IsIntact);
        builder.HasIndex(m => new { m.PortRequestId, m.Sequence }).IsUnique();
    }
}

public sealed class PortRequestMessageConfiguration : IEntityTypeConfiguration<PortRequestMessage>
{
    public void Configure(EntityTypeBuilder<PortRequestMessage> builder)
    {
        builder.ToTable("PortRequestMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<PortRequest>().WithMany().HasForeignKey(m => m.PortRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.AuthorUserId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.AuthorName).HasMaxLength(200).IsRequired();
        builder.Property(m => m.AuthorRole).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Body).HasMaxLength(PortRequestMessage.MaxLength).IsRequired();
        builder.HasIndex(m => new { m.PortRequestId, m.SentAtUtc });
    }
}

public sealed class PortRequestEventConfiguration : IEntityTypeConfiguration<PortRequestEvent>
{
    public void Configure(EntityTypeBuilder<PortRequestEvent> builder)
    {
        builder.ToTable("PortRequestEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.ActorRole).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ReasonCodes).HasMaxLength(400);
        builder.Property(e => e.Comment).HasMaxLength(PortRequest.MaxCommentLength);
        builder.HasIndex(e => new { e.PortRequestId, e.Sequence }).IsUnique();
    }
}
