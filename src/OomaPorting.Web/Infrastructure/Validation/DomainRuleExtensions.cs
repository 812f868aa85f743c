namespace OomaPorting.Web.Infrastructure.Validation;

/// <summary>
/// How a validator asks the domain: the value object or aggregate owns the rule as a check that answers a stable code
/// (or null), and the validator only turns that code into the field's message (<c>Error.{Code}</c>).
/// </summary>
public static class DomainRuleExtensions
{
    /// <summary>The placeholder under which a refused check's failure carries the domain's code (<c>ValidationFailure.FormattedMessagePlaceholderValues</c>).</summary>
    public const string CodeArgument = "DomainCode";

    /// <summary>The stable code of a failure: the domain's when a check refused, else the one the rule names (<c>WithErrorCode</c>) or FluentValidation's.</summary>
    public static string CodeOf(FluentValidation.Results.ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.FormattedMessagePlaceholderValues?.TryGetValue(CodeArgument, out var code) == true && code is string domainCode
            ? domainCode
            : failure.ErrorCode;
    }

    public static IRuleBuilderOptions<T, string?> Satisfies<T>(this IRuleBuilder<T, string?> rule, Func<string?, string?> check, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.SetValidator(new DomainCheckValidator<T>(check, text));
    }
}
