namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>
/// A supporting document of a request: for the users of its account (the account filter makes another account's a 404)
/// and for support. Answers its description; the bytes are streamed from the store by the result.
/// </summary>
public static class DownloadDocument
{
    public sealed record Query(Guid RequestId, Guid DocumentId) : IQuery<SupportingDocument>;

    public sealed class Handler(AppDbContext db, ICurrentActor current) : IQueryHandler<Query, SupportingDocument>
    {
        public async ValueTask<SupportingDocument> Handle(Query query, CancellationToken cancellationToken)
        {
            var documents = current.Actor.Role == ActorRole.Support ? db.SupportingDocuments.IgnoreQueryFilters() : db.SupportingDocuments;
            return await documents.AsNoTracking()
                .FirstOrDefaultAsync(d => d.Id == query.DocumentId && d.PortRequestId == query.RequestId, cancellationToken)
                ?? throw new NotFoundException();
        }
    }
}
