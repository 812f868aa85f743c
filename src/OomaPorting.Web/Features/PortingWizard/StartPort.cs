namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>The "Portage de numéro" page: the admin's drafts, and the button that starts a new one.</summary>
public static class StartPort
{
    public sealed record Query : IQuery<IReadOnlyList<DraftRow>>;

    public sealed record DraftRow(Guid Id, NumberType? NumberType, string? CarrierCode, string? CarrierOtherName, FrenchNumber? MainLine,
        int LineCount, DateTime UpdatedAtUtc)
    {
        public string? CarrierName => Carrier.DisplayName(NumberType, CarrierCode, CarrierOtherName);
    }

    /// <summary>Creates a draft and answers its id.</summary>
    public sealed record Command : ICommand<Guid>;

    public sealed class QueryHandler(AppDbContext db, TimeProvider time) : IQueryHandler<Query, IReadOnlyList<DraftRow>>
    {
        public async ValueTask<IReadOnlyList<DraftRow>> Handle(Query query, CancellationToken cancellationToken)
        {
            var oldest = time.GetUtcNow().UtcDateTime.AddDays(-PortRequest.DraftExpiryDays);
            return await db.PortRequests.AsNoTracking()
                .Where(r => r.Status == PortRequestStatus.Draft && r.UpdatedAtUtc >= oldest)
                .OrderByDescending(r => r.UpdatedAtUtc)
                .Take(50)
                .Select(r => new DraftRow(r.Id, r.NumberType, r.CarrierCode, r.CarrierOtherName,
                    r.Lines.Where(l => l.Position == 0).Select(l => l.Number).FirstOrDefault(), r.Lines.Count(), r.UpdatedAtUtc))
                .ToListAsync(cancellationToken);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var accountId = current.AccountId ?? throw new NotFoundException();
            var now = time.GetUtcNow().UtcDateTime;
            var draft = PortRequest.StartDraft(Guid.CreateVersion7(now), accountId, current.Actor, now);
            db.PortRequests.Add(draft);
            await db.SaveChangesAsync(cancellationToken);
            return draft.Id;
        }
    }
}

