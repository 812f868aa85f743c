using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Features.Eligibility;

/// <summary>
/// The public portability check: can this kind of number be ported to Ooma Office through the portal? Anyone may ask,
/// so the answer comes from the number alone (its class and territory), never from the database: whether it is already
/// with Ooma or under a port elsewhere would tell strangers about Ooma's customers. The signed-in wizard checks those.
/// </summary>
public static class CheckPortability
{
    public enum Verdict
    {
        PortableFixed,
        PortableMobile,
        MobileNotAccepted,
        SpecialNumber,
        Overseas,
    }

    public sealed class Query : IQuery<Result>
    {
        public string Number { get; set; } = string.Empty;
    }

    /// <summary>The verdict, and the number when it is a valid metropolitan one (overseas numbers have none).</summary>
    public sealed record Result(FrenchNumber? Number, string Input, Verdict Verdict)
    {
        public bool Portable => Verdict is Verdict.PortableFixed or Verdict.PortableMobile;
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(q => q.Number).Custom((value, context) =>
            {
                if (!FrenchNumber.TryParse(value, out _, out var code) && !IsOverseas(value))
                {
                    context.AddFailure(nameof(Query.Number), text["Error." + code]);
                }
            });
        }
    }

    public sealed class Handler(IOptions<PortingOptions> porting) : IQueryHandler<Query, Result>
    {
        public ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            if (!FrenchNumber.TryParse(query.Number, out var number))
            {
                return ValueTask.FromResult(new Result(null, query.Number.Trim(), Verdict.Overseas));
            }

            if (number.Class == NumberClass.Special)
            {
                return ValueTask.FromResult(new Result(number, number.Display, Verdict.SpecialNumber));
            }

            if (number.Class == NumberClass.Mobile)
            {
                return ValueTask.FromResult(new Result(number, number.Display,
                    porting.Value.AcceptMobileNumbers ? Verdict.PortableMobile : Verdict.MobileNotAccepted));
            }

            return ValueTask.FromResult(new Result(number, number.Display, Verdict.PortableFixed));
        }
    }

    /// <summary>French overseas departments and territories have numbering plans of their own (+262, +590, +594, +596, +269, +508, +681, +687, +689).</summary>
    public static bool IsOverseas(string? input)
    {
        var digits = new string((input ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (input?.TrimStart().StartsWith('+') == true)
        {
            digits = "00" + digits;
        }

        string[] codes = ["262", "590", "594", "596", "269", "508", "681", "687", "689"];
        return digits.Length is >= 11 and <= 15 && codes.Any(c => digits.StartsWith("00" + c, StringComparison.Ordinal));
    }
}
