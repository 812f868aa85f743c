using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>Step 1, "Type de numéro": fixed or mobile.</summary>
public static class ChooseNumberType
{
    public sealed record Query(Guid Id, string? ReturnTo) : IQuery<Form>;

    public sealed record Form(Command Command, bool AcceptMobileNumbers);

    public sealed class Command : ICommand, IWizardCommand
    {
        public Guid Id { get; set; }

        public string? ReturnTo { get; set; }

        /// <summary>"Fixed" or "Mobile".</summary>
        public string? NumberType { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, IOptions<PortingOptions> porting)
        {
            var acceptMobile = porting.Value.AcceptMobileNumbers;
            RuleFor(c => c.NumberType)
                .Must(t => Enum.TryParse<NumberType>(t, out var v) && Enum.IsDefined(v) && t == v.ToString())
                .WithMessage(_ => text["Wizard.Type.Required"])
                .Must(t => acceptMobile || t != nameof(Domain.Porting.NumberType.Mobile))
                .WithMessage(_ => text["Error.NumberType.MobileNotAccepted"]);
        }
    }

    public sealed class QueryHandler(AppDbContext db, TimeProvider time, IOptions<PortingOptions> porting) : IQueryHandler<Query, Form>
    {
        public async ValueTask<Form> Handle(Query query, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, query.Id, time, cancellationToken, WizardSection.NumberType);
            return new Form(new Command { Id = r.Id, ReturnTo = query.ReturnTo, NumberType = r.NumberType?.ToString() },
                porting.Value.AcceptMobileNumbers);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current, IOptions<PortingOptions> porting)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, command.Id, time, cancellationToken);
            r.ChooseNumberType(current.Actor, Enum.Parse<NumberType>(command.NumberType!),
                porting.Value.AcceptMobileNumbers, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
