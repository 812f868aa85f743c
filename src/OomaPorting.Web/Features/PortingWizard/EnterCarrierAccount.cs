using OomaPorting.Web.Infrastructure.Validation;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>
/// Step 3, "Compte": the account number at the carrier and, for a fixed line (<see cref="PortRequest.AsksInternet"/>),
/// the internet connection. ADSL/VDSL on the same line (or not known) blocks submission until the admin confirms the
/// services were separated (dry line).
/// </summary>
public static class EnterCarrierAccount
{
    public sealed record Query(Guid Id, string? ReturnTo) : IQuery<Form>;

    public sealed record Form(Command Command, string? CarrierName, bool IsBlockedByDryLine);

    public sealed class Command : ICommand, IWizardCommand
    {
        public Guid Id { get; set; }

        public string? ReturnTo { get; set; }

        public string? AccountNumber { get; set; }

        /// <summary>
        /// Whether the step asks for the internet connection, as the draft says (<see cref="PortRequest.AsksInternet"/>):
        /// the form carries it for its own messages; the domain refuses a fixed line without an answer whatever is posted.
        /// </summary>
        public bool AsksInternet { get; set; } = true;

        /// <summary>A <see cref="InternetConnection"/> name (fixed lines only).</summary>
        public string? Internet { get; set; }

        /// <summary>A <see cref="SharedLineAnswer"/> name, asked for ADSL/VDSL only.</summary>
        public string? SharedLine { get; set; }

        /// <summary>The admin confirms internet and telephone no longer share the line.</summary>
        public bool LinesSeparated { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.AccountNumber).Satisfies(CarrierAccountNumber.Check, text);
            When(c => c.AsksInternet, () => RuleFor(c => c.Internet).Must(BeA<InternetConnection>).WithMessage(_ => text["Wizard.Internet.Required"]));
            When(c => c.AsksInternet && c.Internet == nameof(InternetConnection.AdslVdsl), () =>
                RuleFor(c => c.SharedLine).Must(BeA<SharedLineAnswer>).WithMessage(_ => text["Wizard.SharedLine.Required"]));
        }

        private static bool BeA<TEnum>(string? value)
            where TEnum : struct, Enum =>
            Enum.TryParse<TEnum>(value, out var v) && Enum.IsDefined(v) && value == v.ToString();
    }

    public sealed class QueryHandler(AppDbContext db, TimeProvider time) : IQueryHandler<Query, Form>
    {
        public async ValueTask<Form> Handle(Query query, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, query.Id, time, cancellationToken, WizardSection.CarrierAccount);
            return new Form(new Command
            {
                Id = r.Id,
                ReturnTo = query.ReturnTo,
                AccountNumber = r.CarrierAccountNumber?.Value,
                AsksInternet = r.AsksInternet,
                Internet = r.InternetConnection?.ToString(),
                SharedLine = r.SharedLine?.ToString(),
                LinesSeparated = r.LinesSeparatedConfirmed,
            }, r.CarrierDisplayName, r.IsBlockedByDryLine);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, command.Id, time, cancellationToken);
            var actor = current.Actor;
            var now = time.GetUtcNow().UtcDateTime;
            InternetConnection? internet = Enum.TryParse<InternetConnection>(command.Internet, out var i) && Enum.IsDefined(i) ? i : null;
            SharedLineAnswer? shared = internet == InternetConnection.AdslVdsl && Enum.TryParse<SharedLineAnswer>(command.SharedLine, out var a) && Enum.IsDefined(a)
                ? a : null;
            r.EnterCarrierAccount(actor, CarrierAccountNumber.Parse(command.AccountNumber), internet, shared, now);
            if (command.LinesSeparated && shared is SharedLineAnswer.Yes or SharedLineAnswer.DontKnow)
            {
                r.ConfirmLinesSeparated(actor, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
