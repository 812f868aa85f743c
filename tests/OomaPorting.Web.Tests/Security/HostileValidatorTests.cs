using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Security;

/// <summary>
/// The whole hostile corpus into every text field of every command and query the portal validates, in memory, through
/// the validators the portal registers (found from its services, not listed): each value is a message or accepted,
/// never an exception. HTTP tests send each field a sample of the corpus (<see cref="HostileInputTests"/>).
/// </summary>
public class HostileValidatorTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task Every_hostile_value_in_every_text_field_of_every_validated_command_is_a_message_never_an_exception()
    {
        using var scope = portal.Factory.Services.CreateScope();
        var models = typeof(Program).Assembly.GetTypes()
            .Select(t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>) && !t.IsAbstract
                ? b.GetGenericArguments()[0] : null)
            .OfType<Type>().Distinct().ToList();
        var fields = 0;
        var failures = new List<string>();
        foreach (var model in models)
        {
            if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(model)) is not IValidator validator
                || model.GetConstructor(Type.EmptyTypes) is null)
            {
                continue; // a part validated through its command's validator, or a positional record bound by the API
            }

            foreach (var property in model.GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanWrite))
            {
                fields++;
                foreach (var value in HostileInput.Corpus)
                {
                    var instance = Activator.CreateInstance(model)!;
                    property.SetValue(instance, value);
                    var thrown = await Record.ExceptionAsync(() => validator.ValidateAsync(new ValidationContext<object>(instance)));
                    if (thrown is not null)
                    {
                        failures.Add($"{model.FullName}.{property.Name} = {value[..Math.Min(value.Length, 20)]}: {thrown.GetType().Name} {thrown.Message}");
                    }
                }
            }
        }

        Assert.True(fields >= 40, $"Only {fields} text fields found in {models.Count} validated types: the discovery is not to be trusted.");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(20)));
    }
}
