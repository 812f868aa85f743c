using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OomaPorting.Web.Infrastructure.Settings;

/// <summary>
/// Every setting of the portal is a typed options class, bound once from its section and validated when the portal
/// starts: a wrong value stops it with a message that names the key, instead of failing on the first request that
/// needs it.
/// </summary>
public static class OptionsRegistration
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section, string? name = null)
        where T : class =>
        services.AddOptions<T>(name ?? Options.DefaultName).BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>
    /// For the few settings composition itself needs (the provider): read and validated now, with the same rules
    /// and message as at start-up.
    /// </summary>
    public static T ReadValidated<T>(this IConfiguration configuration, string section)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration.GetSection(section).Get<T>() ?? new T();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(section, typeof(T), [.. results.Select(r => r.ErrorMessage ?? section)]);
        }

        return value;
    }
}
