using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace OomaPorting.Web.Infrastructure.Settings;

/// <summary>
/// The <c>SupportContact</c> section: how customers reach the porting desk, shown on the help page (<c>/aide</c>) and
/// wherever a page sends them to a person. Hours are in Paris time, on French working days.
/// </summary>
public sealed class SupportContactOptions : IValidatableObject
{
    public const string Section = "SupportContact";

    /// <summary>The desk's phone number (a French number); the page shows the e-mail only when it is empty.</summary>
    public string? Phone { get; set; }

    [Required(ErrorMessage = "SupportContact:Email is required.")]
    [EmailAddress(ErrorMessage = "SupportContact:Email must be an e-mail address.")]
    public string Email { get; set; } = "loa@ooma.com";

    /// <summary>Opening time, <c>HH:mm</c>, Paris time.</summary>
    public string Opens { get; set; } = "09:00";

    /// <summary>Closing time, <c>HH:mm</c>, Paris time.</summary>
    public string Closes { get; set; } = "18:00";

    public FrenchNumber? PhoneNumber => FrenchNumber.TryParse(Phone, out var n, out _) ? n : null;

    public TimeOnly OpensAt => TimeOnly.ParseExact(Opens, "HH:mm", CultureInfo.InvariantCulture);

    public TimeOnly ClosesAt => TimeOnly.ParseExact(Closes, "HH:mm", CultureInfo.InvariantCulture);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Phone) && !FrenchNumber.TryParse(Phone, out _, out _))
        {
            yield return new ValidationResult($"SupportContact:Phone '{Phone}' is not a French phone number.", [nameof(Phone)]);
        }

        var opens = TimeOnly.TryParseExact(Opens, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var o);
        var closes = TimeOnly.TryParseExact(Closes, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var c);
        if (!opens || !closes || o >= c)
        {
            yield return new ValidationResult(
                $"SupportContact:Opens '{Opens}' and SupportContact:Closes '{Closes}' must be HH:mm times, opening before closing.", [nameof(Opens)]);
        }
    }
}
