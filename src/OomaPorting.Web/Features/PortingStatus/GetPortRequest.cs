using Mediator;
using Microsoft.EntityFrameworkCore;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>One request as its account sees it: where it stands, its numbers, its history.</summary>
public static class GetPortRequest
{
    public sealed record Query(Guid Id) : IQuery<Model>;

    public sealed record Model(PortRequest Request, DateOnly? ExpectedFocDate, (DateOnly Earliest, DateOnly Latest)? ExpectedCompletion);

    public sealed class Handler(AppDbContext db, BusinessCalendar calendar) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var r = await db.PortRequests.AsNoTracking().Include(x => x.Lines).Include(x => x.Events).AsSplitQuery()
                .FirstOrDefaultAsync(x => x.Id == query.Id, cancellationToken) ?? throw new NotFoundException();
            if (r.SubmittedAtUtc is not { } submitted || r.Status is PortRequestStatus.Completed or PortRequestStatus.Cancelled)
            {
                return new Model(r, null, null);
            }

            var day = BusinessCalendar.DateInFrance(submitted);
            return new Model(r, r.FocDate is null ? calendar.ExpectedFocDate(day) : null,
                r.FocDate is { } foc ? (foc, foc) : calendar.ExpectedCompletion(day));
        }
    }
}
