namespace OomaPorting.Web.Infrastructure.Validation;

/// <summary>
/// How a validator asks the domain: the value object or aggregate owns the rule as a check that answers a stable code
/// (or null), and the validator only turns that code into the field's message (<c>Error.{Code}</c>).
/// </summary>
public static class DomainRuleExtensions
{
    public static IRuleBuilderOptions<T, string?> Satisfies<T>(this IRuleBuilder<T, string?> rule, Func<string?, string?> check, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.SetValidator(new DomainCheckValidator<T>(check, text));
    }
}
