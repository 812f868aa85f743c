using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace OomaPorting.Web.Infrastructure.Ics;

/// <summary>The FOC date as an all-day calendar event (RFC 5545, Ical.Net), for the page's link and the e-mail's invite.</summary>
public static class FocCalendar
{
    public static string Render(PortRequest request, DateTime stampUtc, bool english)
    {
        ArgumentNullException.ThrowIfNull(request);
        var foc = request.FocDate ?? throw new InvalidOperationException("No FOC date.");
        var numbers = string.Join(", ", request.Lines.OrderBy(l => l.Position).Select(l => l.Number.Display));
        var calendar = new Calendar { ProductId = "-//Ooma Office//Portage de numeros//FR", Method = "PUBLISH" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{request.Id:N}-foc@portage.ooma-office",
            DtStamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc)),
            DtStart = new CalDateTime(foc.Year, foc.Month, foc.Day),
            DtEnd = new CalDateTime(foc.AddDays(1).Year, foc.AddDays(1).Month, foc.AddDays(1).Day),
            Summary = english ? $"Number port {request.Reference}" : $"Portage de vos numéros {request.Reference}",
            Description = english
                ? $"Your numbers move to Ooma Office today: {numbers}. Keep your current line active until the port is complete; a support agent will place a test call."
                : $"Vos numéros arrivent chez Ooma Office aujourd'hui : {numbers}. Gardez votre ligne actuelle active jusqu'à la fin du portage ; un agent du support passera un appel test.",
            Transparency = "TRANSPARENT",
        });
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The calendar did not serialize.");
    }
}
