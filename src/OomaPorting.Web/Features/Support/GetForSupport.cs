namespace OomaPorting.Web.Features.Support;

/// <summary>Everything about one request for support: full account number, every event, internal notes, messages, mandate.</summary>
public static class GetForSupport
{
    public sealed record Query(Guid Id) : IQuery<Model>;

    /// <param name="TemporaryNumber">The account's temporary number while it still has one.</param>
    /// <param name="ViewerId">The agent looking (the assignment buttons depend on whether the request is theirs).</param>
    public sealed record Model(PortRequest Request, string CompanyName, IReadOnlyList<PortRequestMessage> Messages, MandateView? Mandate,
        FrenchNumber? TemporaryNumber = null, string ViewerId = "");

    /// <summary>The mandate in force as support reads it: who signed, when, which terms, its seal and whether it still holds.</summary>
    public sealed record MandateView(string SignerName, DateTime SignedAtUtc, string TermsVersion, string Sha256, bool IsIntact);

    public sealed class Handler(AppDbContext db, ICurrentActor current) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            // One round trip for the request, its lines and events, its account's name and the mandate in force.
            var found = await db.PortRequests.IgnoreQueryFilters().AsNoTracking()
                .Include(x => x.Lines).Include(x => x.Events).AsSingleQuery()
                .Where(x => x.Id == query.Id && x.Status != PortRequestStatus.Draft)
                .Select(x => new
                {
                    Request = x,
                    Company = db.Accounts.IgnoreQueryFilters().Where(a => a.Id == x.AccountId).Select(a => a.CompanyName).First(),
                    // The mandate in force, column by column: each a lookup on (PortRequestId, Sequence). Asking for the
                    // entity here would make the database number every mandate of every request to find this one.
                    Signer = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount).Select(m => m.SignerName).FirstOrDefault(),
                    SignedAt = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount).Select(m => (DateTime?)m.SignedAtUtc).FirstOrDefault(),
                    Terms = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount).Select(m => m.TermsVersion).FirstOrDefault(),
                    Seal = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount).Select(m => m.Sha256).FirstOrDefault(),
                    Text = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount).Select(m => m.CanonicalText).FirstOrDefault(),
                    Temporary = db.AccountNumbers.IgnoreQueryFilters()
                        .Where(n => n.AccountId == x.AccountId && n.Kind == Domain.Accounts.AccountNumberKind.Temporary).Select(n => n.Number).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
            var r = found.Request;
            var messages = await db.PortRequestMessages.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.PortRequestId == r.Id).OrderBy(m => m.SentAtUtc).ToListAsync(cancellationToken);
            var mandate = found.SignedAt is { } signedAt
                ? new MandateView(found.Signer!, signedAt, found.Terms!, found.Seal!, Mandate.Seals(found.Text!, found.Seal!))
                : null;
            return new Model(r, found.Company, messages, mandate, found.Temporary, current.Actor.UserId);
        }
    }
}
