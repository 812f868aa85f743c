using Mediator;
using Microsoft.EntityFrameworkCore;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Features.Support;

/// <summary>Everything about one request for support: full account number, every event, internal notes, messages, mandate.</summary>
public static class GetForSupport
{
    public sealed record Query(Guid Id) : IQuery<Model>;

    public sealed record Model(PortRequest Request, string CompanyName, IReadOnlyList<PortRequestMessage> Messages, Mandate? Mandate,
        IReadOnlyList<EmailRow> Emails);

    /// <summary>What was sent to whom and when about this request, and what failed.</summary>
    public sealed record EmailRow(string Kind, string Recipient, string Subject, Infrastructure.Email.OutboxStatus Status, int Attempts,
        DateTime CreatedAtUtc, DateTime? SentAtUtc, string? LastError);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var r = await db.PortRequests.IgnoreQueryFilters().AsNoTracking()
                .Include(x => x.Lines).Include(x => x.Events).Include(x => x.Mandates).AsSplitQuery()
                .FirstOrDefaultAsync(x => x.Id == query.Id && x.Status != PortRequestStatus.Draft, cancellationToken)
                ?? throw new NotFoundException();
            var company = await db.Accounts.IgnoreQueryFilters().Where(a => a.Id == r.AccountId).Select(a => a.CompanyName).FirstAsync(cancellationToken);
            var messages = await db.PortRequestMessages.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.PortRequestId == r.Id).OrderBy(m => m.SentAtUtc).ToListAsync(cancellationToken);
            var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.PortRequestId == r.Id).OrderBy(m => m.CreatedAtUtc)
                .Select(m => new EmailRow(m.Kind, m.Recipient, m.Subject, m.Status, m.Attempts, m.CreatedAtUtc, m.SentAtUtc, m.LastError))
                .ToListAsync(cancellationToken);
            return new Model(r, company, messages, r.Mandates.OrderBy(m => m.Sequence).LastOrDefault(), emails);
        }
    }
}
