using FluentValidation;
using Microsoft.Extensions.Localization;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// How a validator asks the domain: the value object or aggregate owns the rule as a check that answers a stable code
/// (or null), and the validator only turns that code into the field's message (<c>Error.{Code}</c>).
/// </summary>
public static class DomainRuleExtensions
{
    public static IRuleBuilderOptionsConditions<T, TProperty> Satisfies<T, TProperty>(this IRuleBuilder<T, TProperty> rule,
        Func<TProperty, string?> check, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(text);
        return rule.Custom((value, context) =>
        {
            if (check(value) is { } code)
            {
                context.AddFailure(ModelStateExtensions.DomainMessage(text, code));
            }
        });
    }
}
