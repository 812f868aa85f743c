namespace OomaPorting.Web.Features.Support;

/// <summary>Everything about one request for support: full account number, every event, internal notes, messages, mandate.</summary>
public static class GetForSupport
{
    public sealed record Query(Guid Id) : IQuery<Model>;

    /// <param name="TemporaryNumber">The account's temporary number while it still has one.</param>
    /// <param name="ViewerId">The agent looking (the assignment buttons depend on whether the request is theirs).</param>
    public sealed record Model(PortRequest Request, string CompanyName, IReadOnlyList<PortRequestMessage> Messages, MandateView? Mandate,
        FrenchNumber? TemporaryNumber = null, string ViewerId = "")
    {
        /// <summary>The documents attached to the request (the bill, a Kbis...), shown beside the fields they prove.</summary>
        public IReadOnlyList<SupportingDocument> Documents { get; init; } = [];

        /// <summary>For a follow-up: why its numbers left the first request (the refusal's or the test call's note).</summary>
        public string? FollowUpNote { get; init; }

        /// <summary>What support may do to the request now (<see cref="PortRequest.Actions"/>): the page offers these and no other.</summary>
        public IReadOnlyList<PortAction> Actions { get; init; } = [];

        /// <summary>Whether the page offers <paramref name="action"/>; keeping the temporary number also needs the account to have one.</summary>
        public bool Offers(PortAction action) =>
            Actions.Contains(action) && (action != PortAction.KeepTemporaryNumber || TemporaryNumber is not null);
    }

    /// <summary>The mandate in force as support reads it: who signed, when, which terms, its seal and whether it still holds.</summary>
    public sealed record MandateView(string SignerName, DateTime SignedAtUtc, string TermsVersion, string Sha256, MandateIntegrity Integrity)
    {
        /// <summary>The signer's capacity (null for a mandate signed before it was asked).</summary>
        public SignerCapacityKind? Capacity { get; init; }

        public string? CapacityDetail { get; init; }

        /// <summary>The address the signature code went to and when it was typed back (null before codes were asked).</summary>
        public string? ConfirmedEmail { get; init; }

        public DateTime? ConfirmedAtUtc { get; init; }
    }

    public sealed class Handler(AppDbContext db, ICurrentActor current, Infrastructure.Mandates.MandateSealKeys sealKeys, TimeProvider time, BusinessCalendar calendar)
        : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            // Two round trips, whatever the size. The request with its numbers (up to 1,000 rows), its account's name and
            // the mandate in force, column by column: each a lookup on (PortRequestId, Sequence) (asking for the entity
            // would make the database number every mandate of every request to find this one). Then its events and
            // messages, which the change tracker attaches to the request, with the mandate's text (one copy a row: a
            // few rows; beside the numbers it would be copied 1,000 times, and the numbers × events rows of one join
            // took the page from milliseconds to seconds for a block of 1,000).
            db.ChangeTracker.Clear();
            var found = await db.PortRequests.IgnoreQueryFilters()
                .Include(x => x.Lines)
                .Where(x => x.Id == query.Id && x.Status != PortRequestStatus.Draft)
                .Select(x => new
                {
                    Request = x,
                    Company = db.Accounts.IgnoreQueryFilters().Where(a => a.Id == x.AccountId).Select(a => a.CompanyName).First(),
                    Signer = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount).Select(m => m.SignerName).FirstOrDefault(),
                    SignedAt = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount).Select(m => (DateTime?)m.SignedAtUtc).FirstOrDefault(),
                    Terms = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount).Select(m => m.TermsVersion).FirstOrDefault(),
                    Seal = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount).Select(m => m.Sha256).FirstOrDefault(),
                    Temporary = db.AccountNumbers.IgnoreQueryFilters()
                        .Where(n => n.AccountId == x.AccountId && n.Kind == Domain.Accounts.AccountNumberKind.Temporary).Select(n => n.Number).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
            var r = found.Request;
            var history = await db.PortRequests.IgnoreQueryFilters().Where(x => x.Id == r.Id)
                .Select(x => new
                {
                    Events = x.Events.ToList(),
                    Messages = db.PortRequestMessages.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id).ToList(),
                    Documents = db.SupportingDocuments.IgnoreQueryFilters().Where(d => d.PortRequestId == x.Id).ToList(),
                    Text = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount).Select(m => m.CanonicalText).FirstOrDefault(),
                    SealKeyId = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount).Select(m => m.SealKeyId).FirstOrDefault(),
                    KeyedSeal = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount).Select(m => m.Seal).FirstOrDefault(),
                    Capacity = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount)
                        .Select(m => m.SignerCapacity == null ? (SignerCapacityKind?)null : m.SignerCapacity.Kind).FirstOrDefault(),
                    CapacityDetail = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount)
                        .Select(m => m.SignerCapacity == null ? null : m.SignerCapacity.Detail).FirstOrDefault(),
                    ConfirmedEmail = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount)
                        .Select(m => m.Confirmation == null ? null : m.Confirmation.Email).FirstOrDefault(),
                    ConfirmedAt = db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == x.Id && m.Sequence == x.MandateCount)
                        .Select(m => m.Confirmation == null ? (DateTime?)null : m.Confirmation.AtUtc).FirstOrDefault(),
                    FollowUpNote = db.PortRequestEvents.IgnoreQueryFilters()
                        .Where(e => e.PortRequestId == x.FollowUpOfId && (e.Kind == PortRequestEventKind.NumbersRefused || e.Kind == PortRequestEventKind.TestCallFailed))
                        .OrderByDescending(e => e.Sequence).Select(e => e.Comment).FirstOrDefault(),
                })
                .FirstAsync(cancellationToken);
            var messages = history.Messages.OrderBy(m => m.SentAtUtc).ToList();
            var mandate = found.SignedAt is { } signedAt
                ? new MandateView(found.Signer!, signedAt, found.Terms!, found.Seal!, Mandate.Check(history.Text!, found.Seal!, history.SealKeyId, history.KeyedSeal, sealKeys.All))
                {
                    Capacity = history.Capacity, CapacityDetail = history.CapacityDetail, ConfirmedEmail = history.ConfirmedEmail, ConfirmedAtUtc = history.ConfirmedAt,
                }
                : null;
            return new Model(r, found.Company, messages, mandate, found.Temporary, current.Actor.UserId)
            {
                Documents = [.. history.Documents.OrderBy(d => d.Kind).ThenBy(d => d.UploadedAtUtc)],
                FollowUpNote = history.FollowUpNote,
                Actions = r.Actions(ActorRole.Support, calendar, time.GetUtcNow().UtcDateTime),
            };
        }
    }
}
