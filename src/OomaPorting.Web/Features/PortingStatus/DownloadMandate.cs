using OomaPorting.Web.Infrastructure.Pdf;

namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>The signed mandate in force, as a PDF. Every user of the account may download it; nobody else.</summary>
public static class DownloadMandate
{
    public sealed record Query(Guid Id) : IQuery<Pdf>;

    public sealed record Pdf(string FileName, byte[] Content);

    public sealed class Handler(AppDbContext db, MandatePdf mandatePdf) : IQueryHandler<Query, Pdf>
    {
        public async ValueTask<Pdf> Handle(Query query, CancellationToken cancellationToken)
        {
            // One query: the request with its lines, its account's name and the mandate in force.
            var found = await db.PortRequests.AsNoTracking().Include(x => x.Lines)
                .Where(x => x.Id == query.Id && x.Reference != null)
                .Select(x => new
                {
                    Request = x,
                    Company = db.Accounts.Where(a => a.Id == x.AccountId).Select(a => a.CompanyName).First(),
                    HasTemporary = db.AccountNumbers.Any(n => n.AccountId == x.AccountId && n.Kind == Domain.Accounts.AccountNumberKind.Temporary),
                    Mandate = db.Mandates.Where(m => m.PortRequestId == x.Id).OrderByDescending(m => m.Sequence).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (found?.Mandate is null)
            {
                throw new NotFoundException();
            }

            var r = found.Request;
            return new Pdf($"mandat-{r.Reference}.pdf", await mandatePdf.SignedAsync(db, r, found.Mandate, found.Company, found.HasTemporary, cancellationToken));
        }
    }
}
