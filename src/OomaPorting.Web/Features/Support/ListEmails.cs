namespace OomaPorting.Web.Features.Support;

/// <summary>What was e-mailed about one request, to whom and when, and what failed (linked from support's request page).</summary>
public static class ListEmails
{
    public sealed record Query(Guid Id) : IQuery<Model>;

    public sealed record Model(Guid Id, string? Reference, IReadOnlyList<EmailRow> Emails);

    public sealed record EmailRow(string Kind, string Recipient, string Subject, Infrastructure.Email.OutboxStatus Status, int Attempts,
        DateTime CreatedAtUtc, DateTime? SentAtUtc, string? LastError);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var reference = await db.PortRequests.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.Id == query.Id && r.Status != PortRequestStatus.Draft)
                .Select(r => new { r.Reference }).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
            var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.PortRequestId == query.Id).OrderBy(m => m.CreatedAtUtc)
                .Select(m => new EmailRow(m.Kind, m.Recipient, m.Subject, m.Status, m.Attempts, m.CreatedAtUtc, m.SentAtUtc, m.LastError))
                .ToListAsync(cancellationToken);
            return new Model(query.Id, reference.Reference, emails);
        }
    }
}
