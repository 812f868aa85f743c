using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace OomaPorting.Web.Infrastructure.Ics;

/// <summary>
/// The FOC date as an all-day calendar event (RFC 5545, Ical.Net), for the page's link and the e-mail's invite. One
/// event per request (same UID) whose <c>SEQUENCE</c> grows with each new date, so calendar applications replace the
/// old date instead of keeping both; a request cancelled after it was dated sends <c>METHOD:CANCEL</c>.
/// </summary>
public static class FocCalendar
{
    /// <summary>How many times the request was given a FOC date (set, moved, or a new date after a failed test call).</summary>
    public static int Datings(IEnumerable<PortRequestEvent> events) => events.Count(e => e.NewFocDate is not null);

    /// <summary>The current FOC date as an invitation; <paramref name="datings"/> is <see cref="Datings"/> (its sequence is datings − 1).</summary>
    public static string Render(PortRequest request, int datings, DateTime stampUtc, bool english)
    {
        ArgumentNullException.ThrowIfNull(request);
        var foc = request.FocDate ?? throw new InvalidOperationException("No FOC date.");
        return Serialize(request, foc, Math.Max(0, datings - 1), stampUtc, english, cancelled: false);
    }

    /// <summary>The cancellation of the event that announced <paramref name="focDate"/>: one sequence after its last date.</summary>
    public static string RenderCancellation(PortRequest request, DateOnly focDate, int datings, DateTime stampUtc, bool english)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Serialize(request, focDate, Math.Max(1, datings), stampUtc, english, cancelled: true);
    }

    private static string Serialize(PortRequest request, DateOnly foc, int sequence, DateTime stampUtc, bool english, bool cancelled)
    {
        var numbers = string.Join(", ", request.Lines.OrderBy(l => l.Position).Select(l => l.Number.Display));
        var calendar = new Calendar { ProductId = "-//Ooma Office//Portage de numeros//FR", Method = cancelled ? "CANCEL" : "PUBLISH" };
        var e = new CalendarEvent
        {
            Uid = $"{request.Id:N}-foc@portage.ooma-office",
            Sequence = sequence,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc)),
            DtStart = new CalDateTime(foc.Year, foc.Month, foc.Day),
            DtEnd = new CalDateTime(foc.AddDays(1).Year, foc.AddDays(1).Month, foc.AddDays(1).Day),
            Summary = english ? $"Number port {request.Reference}" : $"Portage de vos numéros {request.Reference}",
            Description = cancelled
                ? english
                    ? $"The port of these numbers is cancelled: {numbers}. They stay with your current carrier."
                    : $"Le portage de ces numéros est annulé : {numbers}. Ils restent chez votre opérateur actuel."
                : english
                    ? $"Your numbers move to Ooma Office today: {numbers}. Keep your current line active until the port is complete; a support agent will place a test call."
                    : $"Vos numéros arrivent chez Ooma Office aujourd'hui : {numbers}. Gardez votre ligne actuelle active jusqu'à la fin du portage ; un agent du support passera un appel test.",
            Transparency = "TRANSPARENT",
        };
        if (cancelled)
        {
            e.Status = "CANCELLED";
        }

        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The calendar did not serialize.");
    }
}
