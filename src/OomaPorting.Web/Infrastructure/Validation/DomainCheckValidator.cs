using FluentValidation.Validators;

namespace OomaPorting.Web.Infrastructure.Validation;

/// <summary>Runs a domain check on a property and reports its refusal, translated, on that property.</summary>
public sealed class DomainCheckValidator<T>(Func<string?, string?> check, IStringLocalizer text) : PropertyValidator<T, string?>, IDomainCheck
{
    private const string MessageArgument = "DomainMessage";

    public override string Name => "DomainCheckValidator";

    public string? RequiredMessage =>
        check(null) is { } code && code.EndsWith(".Required", StringComparison.Ordinal) ? ModelStateExtensions.DomainMessage(text, code) : null;

    public override bool IsValid(ValidationContext<T> context, string? value)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (check(value) is not { } code)
        {
            return true;
        }

        context.MessageFormatter.AppendArgument(MessageArgument, ModelStateExtensions.DomainMessage(text, code));

        // The stable code travels with the failure: the API returns it beside the message (Api/ApiProblems).
        context.MessageFormatter.AppendArgument(DomainRuleExtensions.CodeArgument, code);
        return false;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "{" + MessageArgument + "}";
}
