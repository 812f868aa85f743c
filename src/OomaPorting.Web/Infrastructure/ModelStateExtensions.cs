using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OomaPorting.Web.Infrastructure;

/// <summary>The one place where a refused command becomes field-level messages on the form.</summary>
public static class ModelStateExtensions
{
    /// <summary>
    /// Adds each validation failure to the field it concerns, under <paramref name="prefix"/> when the form nests the
    /// command; answers the fields' keys in the order of the failures (the order of the validator's rules).
    /// </summary>
    public static IReadOnlyList<string> AddValidationErrors(this ModelStateDictionary modelState, ValidationException exception, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(exception);
        var keys = new List<string>();
        foreach (var error in exception.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
            keys.Add(key);
        }

        return keys;
    }

    /// <summary>Adds a domain refusal, translated by its code (<c>Error.{Code}</c>), to <paramref name="field"/> or to the whole form.</summary>
    public static void AddDomainError(this ModelStateDictionary modelState, DomainException exception, IStringLocalizer text, string field = "")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(text);
        modelState.AddModelError(field, DomainMessage(text, exception.Code));
    }

    public static string DomainMessage(IStringLocalizer text, string code)
    {
        ArgumentNullException.ThrowIfNull(text);
        var message = text["Error." + code];
        if (message.ResourceNotFound && code.EndsWith(".Unprintable", StringComparison.Ordinal))
        {
            return text["Error.Unprintable"]; // every field printed on the mandate says the same
        }

        return message.ResourceNotFound ? text["Error.Generic"] : message;
    }
}
