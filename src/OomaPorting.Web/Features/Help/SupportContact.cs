using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Features.Help;

/// <summary>The porting desk's contact as a page shows it: phone, e-mail, hours, and whether it is open right now.</summary>
public sealed record SupportContact(FrenchNumber? Phone, string Email, TimeOnly Opens, TimeOnly Closes, bool OpenNow)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Open on French working days between the configured hours, Paris time.</summary>
    public static SupportContact Now(SupportContactOptions options, TimeProvider time, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(calendar);
        var paris = TimeZoneInfo.ConvertTime(time.GetUtcNow(), Paris);
        var open = calendar.IsWorkingDay(DateOnly.FromDateTime(paris.DateTime))
            && TimeOnly.FromDateTime(paris.DateTime) is var t && t >= options.OpensAt && t < options.ClosesAt;
        return new SupportContact(options.PhoneNumber, options.Email, options.OpensAt, options.ClosesAt, open);
    }
}
