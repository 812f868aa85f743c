using System.Globalization;
using System.Text;
using OomaPorting.Domain.Porting;

namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>The FOC date as an all-day calendar event (RFC 5545), so the customer can put the port day in their diary.</summary>
public static class FocCalendar
{
    public static string Render(PortRequest request, DateTime stampUtc, bool english)
    {
        ArgumentNullException.ThrowIfNull(request);
        var foc = request.FocDate ?? throw new InvalidOperationException("No FOC date.");
        var numbers = string.Join(", ", request.Lines.OrderBy(l => l.Position).Select(l => l.Number.Display));
        var summary = english ? $"Number port {request.Reference}" : $"Portage de vos numéros {request.Reference}";
        var description = english
            ? $"Your numbers move to Ooma Office today: {numbers}. Keep your current line active until the port is complete; a support agent will place a test call."
            : $"Vos numéros arrivent chez Ooma Office aujourd'hui : {numbers}. Gardez votre ligne actuelle active jusqu'à la fin du portage ; un agent du support passera un appel test.";
        var b = new StringBuilder();
        void Line(string text) => b.Append(Fold(text)).Append("\r\n");
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Ooma Office//Portage de numeros//FR");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("BEGIN:VEVENT");
        Line($"UID:{request.Id:N}-foc@portage.ooma-office");
        Line("DTSTAMP:" + stampUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        Line("DTSTART;VALUE=DATE:" + foc.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        Line("DTEND;VALUE=DATE:" + foc.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        Line("SUMMARY:" + Escape(summary));
        Line("DESCRIPTION:" + Escape(description));
        Line("TRANSP:TRANSPARENT");
        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return b.ToString();
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets are folded with CRLF and a space (RFC 5545, 3.1).</summary>
    private static string Fold(string line)
    {
        var bytes = Encoding.UTF8.GetByteCount(line);
        if (bytes <= 75)
        {
            return line;
        }

        var b = new StringBuilder();
        var count = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (count + size > 75)
            {
                b.Append("\r\n ");
                count = 1;
            }

            b.Append(rune.ToString());
            count += size;
        }

        return b.ToString();
    }
}
