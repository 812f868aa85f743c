using FluentValidation.Results;
using OomaPorting.Web.Infrastructure.Validation;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>
/// A refused command's fields renamed as the API's body names them: the wizard's <c>AccountNumber</c> is
/// <c>carrierAccount.accountNumber</c> in the body, <c>Lines[3].Rio</c> is <c>numbers[3].rio</c>. The stable code of
/// each failure is kept.
/// </summary>
public static class ApiFieldNames
{
    /// <param name="part">The body's part the command fills (<c>carrierAccount</c>), put before a field no pair names; empty for the top level.</param>
    /// <param name="names">Pairs (command's name, API's name), matched on the name or as a prefix before <c>[</c> or <c>.</c>.</param>
    public static ValidationException Renamed(ValidationException exception, string part, params (string Command, string Api)[] names)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new ValidationException(exception.Errors.Select(f => new ValidationFailure(Rename(f.PropertyName, part, names), f.ErrorMessage, f.AttemptedValue)
        {
            ErrorCode = DomainRuleExtensions.CodeOf(f),
        }));
    }

    public static string Rename(string? property, string part, params (string Command, string Api)[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        property ??= string.Empty;
        foreach (var (from, to) in names)
        {
            if (property == from || property.StartsWith(from + "[", StringComparison.Ordinal) || property.StartsWith(from + ".", StringComparison.Ordinal))
            {
                return to + property[from.Length..];
            }
        }

        return part.Length == 0 || property.Length == 0 ? property : part + "." + property;
    }
}
