using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace OomaPorting.Web.Infrastructure.Ics;

/// <summary>
/// The FOC date as an all-day calendar event (RFC 5545, Ical.Net), for the page's link and the e-mail's invite. One
/// event per request (same UID) whose <c>SEQUENCE</c> grows with each new date, so calendar applications replace the
/// old date instead of keeping both; a request cancelled after it was dated sends <c>METHOD:CANCEL</c>. Every event
/// names its organiser, the portal's sender address (RFC 5546: some clients ignore a CANCEL without one); the numbers
/// are listed up to <see cref="MaxNumbers"/>, then counted, as in the e-mails.
/// </summary>
public static class FocCalendar
{
    /// <summary>How many times the request was given a FOC date (set, moved, or a new date after a failed test call).</summary>
    public static int Datings(IEnumerable<PortRequestEvent> events) => events.Count(e => e.NewFocDate is not null);

    /// <summary>Numbers listed in an event's description; beyond, how many more.</summary>
    public const int MaxNumbers = 50;

    /// <summary>The current FOC date as an invitation; <paramref name="datings"/> is <see cref="Datings"/> (its sequence is datings − 1).</summary>
    /// <param name="organizer">The portal's sender (<c>Email:From</c>), the event's organiser.</param>
    public static string Render(PortRequest request, int datings, DateTime stampUtc, bool english, string organizer)
    {
        ArgumentNullException.ThrowIfNull(request);
        var foc = request.FocDate ?? throw new InvalidOperationException("No FOC date.");
        return Serialize(request, foc, Math.Max(0, datings - 1), stampUtc, english, cancelled: false, organizer);
    }

    /// <summary>The cancellation of the event that announced <paramref name="focDate"/>: one sequence after its last date.</summary>
    public static string RenderCancellation(PortRequest request, DateOnly focDate, int datings, DateTime stampUtc, bool english, string organizer)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Serialize(request, focDate, Math.Max(1, datings), stampUtc, english, cancelled: true, organizer);
    }

    private static string Serialize(PortRequest request, DateOnly foc, int sequence, DateTime stampUtc, bool english, bool cancelled, string organizer)
    {
        var lines = request.Lines.OrderBy(l => l.Position).Select(l => l.Number.Display).ToList();
        var one = lines.Count == 1;
        var numbers = string.Join(", ", lines.Take(MaxNumbers)) + (lines.Count <= MaxNumbers ? string.Empty
            : english ? $" and {lines.Count - MaxNumbers} more" : $" et {lines.Count - MaxNumbers} autres");
        var sender = new System.Net.Mail.MailAddress(organizer);
        var calendar = new Calendar { ProductId = "-//Ooma Office//Portage de numeros//FR", Method = cancelled ? "CANCEL" : "PUBLISH" };
        var e = new CalendarEvent
        {
            Uid = $"{request.Id:N}-foc@portage.ooma-office",
            Sequence = sequence,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc)),
            DtStart = new CalDateTime(foc.Year, foc.Month, foc.Day),
            DtEnd = new CalDateTime(foc.AddDays(1).Year, foc.AddDays(1).Month, foc.AddDays(1).Day),
            Summary = english ? $"Number port {request.Reference}" : $"Portage de vos numéros {request.Reference}",
            Organizer = new Organizer("mailto:" + sender.Address) { CommonName = string.IsNullOrEmpty(sender.DisplayName) ? "Ooma Office" : sender.DisplayName },
            Description = (cancelled, english, one) switch
            {
                (true, true, true) => $"The port of this number is cancelled: {numbers}. It stays with your current carrier.",
                (true, true, false) => $"The port of these numbers is cancelled: {numbers}. They stay with your current carrier.",
                (true, false, true) => $"Le portage de ce numéro est annulé : {numbers}. Il reste chez votre opérateur actuel.",
                (true, false, false) => $"Le portage de ces numéros est annulé : {numbers}. Ils restent chez votre opérateur actuel.",
                (false, true, true) => $"Your number moves to Ooma Office today: {numbers}. Keep your current line active until the port is complete; a support agent will place a test call.",
                (false, true, false) => $"Your numbers move to Ooma Office today: {numbers}. Keep your current line active until the port is complete; a support agent will place a test call.",
                (false, false, true) => $"Votre numéro arrive chez Ooma Office aujourd'hui : {numbers}. Gardez votre ligne actuelle active jusqu'à la fin du portage ; un agent du support passera un appel test.",
                (false, false, false) => $"Vos numéros arrivent chez Ooma Office aujourd'hui : {numbers}. Gardez votre ligne actuelle active jusqu'à la fin du portage ; un agent du support passera un appel test.",
            },
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
