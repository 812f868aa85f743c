using System.Globalization;
using System.Text;
using OomaPorting.Web.Infrastructure.Ics;

namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>The FOC date as a calendar file (.ics), once the carrier confirmed it and until the test call is done; 404 otherwise.</summary>
public static class GetFocCalendar
{
    public sealed record Query(Guid Id) : IQuery<File>;

    public sealed record File(string FileName, byte[] Content);

    public sealed class Handler(IMediator mediator, TimeProvider time, Microsoft.Extensions.Options.IOptions<Infrastructure.Email.EmailOptions> email)
        : IQueryHandler<Query, File>
    {
        public async ValueTask<File> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var r = (await mediator.Send(new GetPortRequest.Query(query.Id), cancellationToken)).Request;
            if (!r.HasCalendarFile)
            {
                throw new NotFoundException();
            }

            var ics = FocCalendar.Render(r, FocCalendar.Datings(r.Events), time.GetUtcNow().UtcDateTime,
                CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en", email.Value.From);
            return new File($"portage-{r.Reference}.ics", Encoding.UTF8.GetBytes(ics));
        }
    }
}
