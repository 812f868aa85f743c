using OomaPorting.Web.Infrastructure.Validation;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>Step 2, "Opérateur actuel": a carrier of the list for the number type, or "Autre" with its name.</summary>
public static class ChooseCarrier
{
    public sealed record Query(Guid Id, string? ReturnTo) : IQuery<Form>;

    public sealed record Form(Command Command, NumberType? NumberType, IReadOnlyList<Carrier> Carriers);

    public sealed class Command : ICommand, IWizardCommand
    {
        public Guid Id { get; set; }

        public string? ReturnTo { get; set; }

        public string? CarrierCode { get; set; }

        public string? OtherName { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.CarrierCode)
                .Must(code => code == Carrier.OtherCode || Carrier.FixedLine.Concat(Carrier.Mobile).Any(c => c.Code == code))
                .WithMessage(_ => text["Wizard.Carrier.Required"]);
            When(c => c.CarrierCode == Carrier.OtherCode, () =>
                RuleFor(c => c.OtherName).Satisfies(Carrier.CheckOtherName, text));
        }
    }

    public sealed class QueryHandler(AppDbContext db, TimeProvider time) : IQueryHandler<Query, Form>
    {
        public async ValueTask<Form> Handle(Query query, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, query.Id, time, cancellationToken, WizardSection.Carrier);
            return new Form(new Command { Id = r.Id, ReturnTo = query.ReturnTo, CarrierCode = r.CarrierCode, OtherName = r.CarrierOtherName },
                r.NumberType, r.NumberType is { } t ? Carrier.For(t) : []);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, command.Id, time, cancellationToken);
            r.ChooseCarrier(current.Actor, command.CarrierCode!, command.OtherName, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
