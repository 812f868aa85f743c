using Mediator;
using Microsoft.EntityFrameworkCore;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure;
using OomaPorting.Web.Infrastructure.Pdf;

namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>The signed mandate in force, as a PDF. Every user of the account may download it; nobody else.</summary>
public static class DownloadMandate
{
    public sealed record Query(Guid Id) : IQuery<Pdf>;

    public sealed record Pdf(string FileName, byte[] Content);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Pdf>
    {
        public async ValueTask<Pdf> Handle(Query query, CancellationToken cancellationToken)
        {
            var r = await db.PortRequests.AsNoTracking().Include(x => x.Lines).Include(x => x.Mandates).AsSplitQuery()
                .FirstOrDefaultAsync(x => x.Id == query.Id, cancellationToken);
            if (r is null || r.Mandates.Count == 0 || r.Reference is null)
            {
                throw new NotFoundException();
            }

            var company = await db.Accounts.AsNoTracking().Select(a => a.CompanyName).FirstAsync(cancellationToken);
            return new Pdf($"mandat-{r.Reference}.pdf", MandatePdf.Render(r, r.Mandates.OrderBy(m => m.Sequence).Last(), company));
        }
    }
}
