namespace OomaPorting.Web.Infrastructure.Validation;

/// <summary>
/// How a validator asks the domain: the value object or aggregate owns the rule as a check that answers a stable code
/// (or null), and the validator only turns that code into the field's message (<c>Error.{Code}</c>).
/// </summary>
public static class DomainRuleExtensions
{
    /// <summary>The placeholder under which a refused check's failure carries the domain's code (<c>ValidationFailure.FormattedMessagePlaceholderValues</c>).</summary>
    public const string CodeArgument = "DomainCode";

    /// <summary>The stable code of a failure: the domain's when a check refused, else the one the rule names (<c>WithErrorCode</c>), else <c>Field.Required</c>, <c>Field.Length</c> or <c>Field.Invalid</c> by the rule's kind.</summary>
    public static string CodeOf(FluentValidation.Results.ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var code = failure.FormattedMessagePlaceholderValues?.TryGetValue(CodeArgument, out var value) == true && value is string domainCode
            ? domainCode
            : failure.ErrorCode;

        // A rule that names no code of its own: a stable one by kind, never empty or a validator's class name.
        return code switch
        {
            null or "" => "Field.Invalid",
            "NotEmptyValidator" or "NotNullValidator" => "Field.Required",
            "MaximumLengthValidator" or "MinimumLengthValidator" or "LengthValidator" or "ExactLengthValidator" => "Field.Length",
            _ when code.EndsWith("Validator", StringComparison.Ordinal) => "Field.Invalid",
            _ => code,
        };
    }

    public static IRuleBuilderOptions<T, string?> Satisfies<T>(this IRuleBuilder<T, string?> rule, Func<string?, string?> check, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.SetValidator(new DomainCheckValidator<T>(check, text));
    }
}
