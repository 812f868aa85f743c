namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>
/// A supporting document of a request: for whoever may see the request itself (<see cref="PortRequestStatuses.IsVisibleTo"/>:
/// a draft's files are its admins' alone), among the users of its account (the account filter makes another account's a
/// 404) and support. Answers its description; the bytes are streamed from the store by the result.
/// </summary>
public static class DownloadDocument
{
    public sealed record Query(Guid RequestId, Guid DocumentId) : IQuery<SupportingDocument>;

    public sealed class Handler(AppDbContext db, ICurrentActor current) : IQueryHandler<Query, SupportingDocument>
    {
        public async ValueTask<SupportingDocument> Handle(Query query, CancellationToken cancellationToken)
        {
            var role = current.Actor.Role;
            var support = role == ActorRole.Support;
            var documents = support ? db.SupportingDocuments.IgnoreQueryFilters() : db.SupportingDocuments;
            var requests = support ? db.PortRequests.IgnoreQueryFilters() : db.PortRequests;
            var found = await documents.AsNoTracking()
                .Where(d => d.Id == query.DocumentId && d.PortRequestId == query.RequestId)
                .Select(d => new { Document = d, Status = requests.Where(r => r.Id == d.PortRequestId).Select(r => (PortRequestStatus?)r.Status).FirstOrDefault() })
                .FirstOrDefaultAsync(cancellationToken);
            return found is { Status: { } status } && status.IsVisibleTo(role) ? found.Document : throw new NotFoundException();
        }
    }
}
