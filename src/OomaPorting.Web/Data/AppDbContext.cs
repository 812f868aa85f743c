using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Data;

/// <summary>
/// The portal's database. Every entity owned by an account is filtered to the signed-in user's account
/// (<see cref="Tenant"/>); code that must see every account says so with <c>IgnoreQueryFilters()</c>.
/// Provider-specific subclasses exist only to give each provider its own migration set.
/// </summary>
/// <remarks>
/// Contexts are pooled (<see cref="Infrastructure.Database"/>): the per-request state, the tenant and
/// <see cref="NotificationsSuppressed"/>, is set on every lease by <see cref="Lease"/>, never left from a previous one.
/// </remarks>
public class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>Whose data the query filters let through. Until set: nobody's.</summary>
    public ICurrentTenant Tenant { get; set; } = NoTenant.Instance;

    /// <summary>The account the filters let through; read by the query filters at query time.</summary>
    public Guid? CurrentAccountId => Tenant.AccountId;

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<AccountNumber> AccountNumbers => Set<AccountNumber>();

    public DbSet<PortRequest> PortRequests => Set<PortRequest>();

    public DbSet<PortLine> PortLines => Set<PortLine>();

    public DbSet<PortRequestEvent> PortRequestEvents => Set<PortRequestEvent>();

    public DbSet<Mandate> Mandates => Set<Mandate>();

    /// <summary>Each mandate's PDF as signed (<see cref="MandateFile"/>).</summary>
    public DbSet<MandateFile> MandateFiles => Set<MandateFile>();

    public DbSet<PortRequestMessage> PortRequestMessages => Set<PortRequestMessage>();

    public DbSet<SignatureCode> SignatureCodes => Set<SignatureCode>();

    public DbSet<SupportingDocument> SupportingDocuments => Set<SupportingDocument>();

    /// <summary>The bytes of the documents, in chunks (<see cref="Infrastructure.Documents.DatabaseDocumentStore"/>).</summary>
    public DbSet<Infrastructure.Documents.DocumentChunk> DocumentChunks => Set<Infrastructure.Documents.DocumentChunk>();

    /// <summary>The keys integrators use on the API (<see cref="Infrastructure.Api.ApiKeyAuthentication"/>).</summary>
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>The answers of API calls made with an <c>Idempotency-Key</c>, for 24 hours (<see cref="Infrastructure.Api.IdempotencyAttribute"/>).</summary>
    public DbSet<Infrastructure.Api.IdempotencyRecord> IdempotencyRecords => Set<Infrastructure.Api.IdempotencyRecord>();

    /// <summary>Where an account's integrators are told of changes (<see cref="Features.Webhooks.WebhookNotifications"/>).</summary>
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    /// <summary>The webhooks' outbox: one row per event and endpoint (<see cref="Infrastructure.Webhooks.WebhookProcessor"/>).</summary>
    public DbSet<Infrastructure.Webhooks.WebhookDelivery> WebhookDeliveries => Set<Infrastructure.Webhooks.WebhookDelivery>();

    /// <summary>Archives of an account's data its admins asked for (<see cref="Features.AccountData.AccountExportBuilder"/>).</summary>
    public DbSet<AccountExport> AccountExports => Set<AccountExport>();

    public DbSet<AccountExportChunk> AccountExportChunks => Set<AccountExportChunk>();

    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();

    public DbSet<AuthSession> AuthSessions => Set<AuthSession>();

    public DbSet<UserInvitation> UserInvitations => Set<UserInvitation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Infrastructure.Email.OutboxMessage> OutboxMessages => Set<Infrastructure.Email.OutboxMessage>();

    /// <summary>True while seeding demo data or writing reminders: no e-mail is produced from what this context saves.</summary>
    public bool NotificationsSuppressed { get; set; }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The transaction <see cref="PortLineSetSave"/> opened for the save under way, if it opened one.</summary>
    internal Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? LineSetTransaction { get; set; }

    /// <summary>The lines <see cref="PortLineSetSave"/> wrote in the save under way, with the state each had.</summary>
    internal List<(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<PortLine> Line, EntityState State)>? LinesSavedAsSet { get; set; }

    /// <summary>Prepares a context taken from the pool for one unit of work.</summary>
    public static TContext Lease<TContext>(TContext db, ICurrentTenant tenant)
        where TContext : AppDbContext
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Tenant = tenant;
        db.NotificationsSuppressed = false;
        db.LineSetTransaction = null;
        db.LinesSavedAsSet = null;
        return db;
    }

    /// <summary>
    /// Begins a transaction for a unit of work that reads then writes and must do both in one: use it rather than
    /// <c>Database.BeginTransactionAsync</c>, so that on SQLite the transaction waits its turn among the writers
    /// (<see cref="Infrastructure.SqliteWriters"/>). Disposing it without a commit rolls back.
    /// </summary>
    public virtual Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginWriteTransactionAsync(CancellationToken cancellationToken = default) =>
        Database.BeginTransactionAsync(cancellationToken);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            return saved + await PortLineSetSave.EndAsync(this, commit: true, CancellationToken.None); // saved: the commit is not given up half-way
        }
        catch
        {
            await PortLineSetSave.EndAsync(this, commit: false, CancellationToken.None);
            throw;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            return saved + PortLineSetSave.EndAsync(this, commit: true).AsTask().GetAwaiter().GetResult();
        }
        catch
        {
            PortLineSetSave.EndAsync(this, commit: false).AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        builder.Entity<Account>().HasQueryFilter(a => a.Id == CurrentAccountId);
        builder.Entity<AccountNumber>().HasQueryFilter(n => n.AccountId == CurrentAccountId);
        builder.Entity<PortRequest>().HasQueryFilter(r => r.AccountId == CurrentAccountId);
        builder.Entity<PortLine>().HasQueryFilter(l => l.AccountId == CurrentAccountId);
        builder.Entity<PortRequestEvent>().HasQueryFilter(e => e.AccountId == CurrentAccountId);
        builder.Entity<Mandate>().HasQueryFilter(m => m.AccountId == CurrentAccountId);
        builder.Entity<MandateFile>().HasQueryFilter(f => f.AccountId == CurrentAccountId);
        builder.Entity<PortRequestMessage>().HasQueryFilter(m => m.AccountId == CurrentAccountId);
        builder.Entity<SignatureCode>().HasQueryFilter(c => c.AccountId == CurrentAccountId);
        builder.Entity<SupportingDocument>().HasQueryFilter(d => d.AccountId == CurrentAccountId);
        builder.Entity<ApiKey>().HasQueryFilter(k => k.AccountId == CurrentAccountId);
        builder.Entity<AccountExport>().HasQueryFilter(e => e.AccountId == CurrentAccountId);
        builder.Entity<WebhookEndpoint>().HasQueryFilter(e => e.AccountId == CurrentAccountId);
        builder.Entity<Infrastructure.Webhooks.WebhookDelivery>().HasQueryFilter(d => d.AccountId == CurrentAccountId);
        // A chunk is reached only through its document, read under the filter above first (DatabaseDocumentStore).
    }
}

