using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OomaPorting.Domain.Numbers;
using OomaPorting.Web.Data;

namespace OomaPorting.Web.Features.Eligibility;

/// <summary>The public portability check: can this number be ported to Ooma Office through the portal?</summary>
public static class CheckPortability
{
    public enum Verdict
    {
        PortableFixed,
        PortableMobile,
        MobileNotAccepted,
        SpecialNumber,
        AlreadyWithOoma,
    }

    public sealed class Query : IQuery<Result>
    {
        public string Number { get; set; } = string.Empty;
    }

    public sealed record Result(FrenchNumber Number, Verdict Verdict);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(q => q.Number).Custom((value, context) =>
            {
                if (!FrenchNumber.TryParse(value, out _, out var code))
                {
                    context.AddFailure(nameof(Query.Number), text["Error." + code]);
                }
            });
        }
    }

    public sealed class Handler(AppDbContext db, IConfiguration configuration) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var number = FrenchNumber.Parse(query.Number);
            if (number.Class == NumberClass.Special)
            {
                return new Result(number, Verdict.SpecialNumber);
            }

            // Says only that the number is already with Ooma, never whose it is.
            if (await db.AccountNumbers.IgnoreQueryFilters().AnyAsync(n => n.Number == number, cancellationToken))
            {
                return new Result(number, Verdict.AlreadyWithOoma);
            }

            if (number.Class == NumberClass.Mobile)
            {
                return new Result(number, configuration.GetValue("Porting:AcceptMobileNumbers", true) ? Verdict.PortableMobile : Verdict.MobileNotAccepted);
            }

            return new Result(number, Verdict.PortableFixed);
        }
    }
}
