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
        builder.Property(r => r.RequestedHalfDay).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.MainOomaNumber).HasConversion(ValueConverters.FrenchNumber).HasMaxLength(16);
        builder.Property(r => r.SignerName).HasMaxLength(200);
        builder.Property(r => r.AssignedToUserId).HasMaxLength(450);
        builder.Property(r => r.AssignedToName).HasMaxLength(200);
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
            h.Property(x => x.Siret).HasColumnName("HolderSiret").HasConversion(ValueConverters.Siret).HasMaxLength(14);
            h.Ignore(x => x.LacksSiret);
            h.Ignore(x => x.FullName);
        });

        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.PortRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.PortRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Mandates).WithOne().HasForeignKey(m => m.PortRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Mandates).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.PortRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Ignore(r => r.IsActive);
        builder.Ignore(r => r.IsBlockedByDryLine);
        builder.Ignore(r => r.CarrierDisplayName);
        builder.Ignore(r => r.EditableSections);
        builder.Ignore(r => r.LinesToPort);
        builder.Ignore(r => r.LinesAwaitingCustomer);
        builder.Ignore(r => r.LinesAgreeWithStatus);
        builder.Ignore(r => r.LacksBill);
        builder.Ignore(r => r.AwaitsDocumentsCheck);
        builder.Ignore(r => r.AsksInternet);
        builder.Ignore(r => r.HasCalendarFile);
        builder.Property(r => r.FollowUpOfReference).HasMaxLength(20);
        builder.HasIndex(r => r.FollowUpOfId);

        // The status list of an account, newest first; the support queue by status and age.
        builder.HasIndex(r => new { r.AccountId, r.UpdatedAtUtc });

        // The API's list: an account's requests newest first, paged by (creation, id) (Api/BrowsePortRequests).
        builder.HasIndex(r => new { r.AccountId, r.CreatedAtUtc, r.Id });
        // The support queue: by status and age, and covering what its urgency order and filters read (the late and
        // urgency rules with the pre-check, carrier, assignee, account), so ranking the requests under way reads this index alone.
        builder.HasIndex(r => new { r.Status, r.SubmittedAtUtc, r.Id, r.StatusChangedAtUtc, r.FocDate, r.CarrierCode, r.AssignedToUserId, r.AccountId, r.DocumentsCheckedAtUtc })
            .HasDatabaseName("IX_PortRequests_Queue");
        // The same for one account (the queue's account filter): its requests under way by status and age, without
        // walking every other account's.
        builder.HasIndex(r => new { r.AccountId, r.Status, r.SubmittedAtUtc, r.Id, r.StatusChangedAtUtc, r.FocDate, r.CarrierCode, r.AssignedToUserId, r.DocumentsCheckedAtUtc })
            .HasDatabaseName("IX_PortRequests_AccountQueue");
        builder.HasIndex(r => new { r.Status, r.FocDate, r.Id });
        builder.HasIndex(r => new { r.Status, r.StatusChangedAtUtc });

        // The support queue without a status filter walks these in order: a page reads its 25 rows, not the table.
        builder.HasIndex(r => new { r.SubmittedAtUtc, r.Id });
        builder.HasIndex(r => new { r.FocDate, r.Id });

        // The desk's dashboard: completions per week and in a window with their first submission (the durations);
        // first submissions per week and in a window with their carrier (the intake, the carriers' figures). Each is
        // read from its index alone.
        builder.HasIndex(r => new { r.CompletedAtUtc, r.FirstSubmittedAtUtc }).HasDatabaseName("IX_PortRequests_Completed");
        builder.HasIndex(r => new { r.FirstSubmittedAtUtc, r.Id, r.CarrierCode, r.NumberType, r.CarrierOtherName }).HasDatabaseName("IX_PortRequests_FirstSubmitted");

        // "Assigned to me": an agent's own requests.
        builder.HasIndex(r => new { r.AssignedToUserId, r.Status });

        // The retention job's hourly questions: closed requests, not yet erased, closed before a date. Led by the
        // "not yet" column, so that the millions already done are never walked again.
        builder.HasIndex(r => new { r.PersonalDataErasedAtUtc, r.Status, r.StatusChangedAtUtc }).HasDatabaseName("IX_PortRequests_PersonalDataDue");
        builder.HasIndex(r => new { r.MandatesDeletedAtUtc, r.Status, r.StatusChangedAtUtc }).HasDatabaseName("IX_PortRequests_MandatesDue");
    }
}

