using FluentValidation.AspNetCore;
using FluentValidation.Internal;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace OomaPorting.Web.Infrastructure.Validation;

/// <summary>
/// The part of a domain check the browser can apply: a required field, with the domain's own message. Everything
/// else (formats, RIO keys, lengths) is checked by the server, which stays the authority.
/// </summary>
public sealed class DomainCheckClientValidator(IValidationRule rule, IRuleComponent component) : ClientValidatorBase(rule, component)
{
    public override void AddValidation(ClientModelValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Component.Validator is IDomainCheck { RequiredMessage: { } message })
        {
            MergeAttribute(context.Attributes, "data-val", "true");
            MergeAttribute(context.Attributes, "data-val-required", message);
        }
    }
}
