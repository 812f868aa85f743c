using System.Text.RegularExpressions;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// Last line of defence: whatever a developer logs, French phone numbers, RIO-shaped strings and secrets carried in
/// addresses (the invitation and password-reset token in its path, a token, code or key in a query string) are
/// masked in string properties (the request log's path among them) before any sink sees them. Code should log masked
/// values in the first place.
/// </summary>
public sealed partial class SensitiveDataMasker : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string s } && Mask(s) is var masked && !ReferenceEquals(masked, s))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(masked)));
            }
        }
    }

    public static string Mask(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length < 9)
        {
            return value;
        }

        var result = TokenInPath().Replace(value, "$1[jeton masqué]");
        result = SecretInQuery().Replace(result, "$1[masqué]");
        result = PhoneNumber().Replace(result, m => "[numéro masqué]");
        result = RioShape().Replace(result, m => "[RIO masqué]");
        return result == value ? value : result;
    }

    [GeneratedRegex(@"(/compte/invitation/)[^/?#\s""]+")]
    private static partial Regex TokenInPath();

    [GeneratedRegex(@"([?&](?:token|jeton|code|key|cle|signature|password)=)[^&#\s""]+", RegexOptions.IgnoreCase)]
    private static partial Regex SecretInQuery();

    [GeneratedRegex(@"(?<![\w])(?:(?:\+|00)\s?33\s?\(?0?\)?\s?[1-9]|0[1-9])(?:[\s.\-]?\d{2}){4}(?![\w])")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"\b(?=[A-Z0-9+]{12}\b)(?=[A-Z0-9+]*\d)(?=[A-Z0-9+]*[A-Z])[A-Z0-9]{9}[A-Z0-9+]{3}\b")]
    private static partial Regex RioShape();
}
