using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace OomaPorting.Web.Infrastructure;

/// <summary>MVC's own binding messages ("The value 'x' is not valid") in the user's language.</summary>
public sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((_, _) => text["Binding.Invalid"]);
        m.SetValueIsInvalidAccessor(_ => text["Binding.Invalid"]);
        m.SetValueMustBeANumberAccessor(_ => text["Binding.Invalid"]);
        m.SetMissingBindRequiredValueAccessor(_ => text["Binding.Required"]);
        m.SetMissingKeyOrValueAccessor(() => text["Binding.Required"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => text["Binding.Required"]);
        m.SetValueMustNotBeNullAccessor(_ => text["Binding.Required"]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => text["Binding.Invalid"]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Binding.Invalid"]);
        m.SetUnknownValueIsInvalidAccessor(_ => text["Binding.Invalid"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => text["Binding.Invalid"]);
    }
}
