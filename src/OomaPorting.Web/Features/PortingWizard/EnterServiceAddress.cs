using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>Step 5, "Adresse et titulaire": exactly as on the carrier's bill.</summary>
public static class EnterServiceAddress
{
    public sealed record Query(Guid Id, string? ReturnTo) : IQuery<Command>;

    public sealed class Command : ICommand, IWizardCommand
    {
        public Guid Id { get; set; }

        public string? ReturnTo { get; set; }

        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? CompanyName { get; set; }

        public string? Street { get; set; }

        public string? Complement { get; set; }

        public string? PostalCode { get; set; }

        public string? City { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            // The domain's own constructors decide; each refusal lands on the field it concerns.
            RuleFor(c => c).Custom((c, context) =>
            {
                void Check(string field, Action create)
                {
                    try
                    {
                        create();
                    }
                    catch (DomainException e)
                    {
                        context.AddFailure(field, ModelStateExtensions.DomainMessage(text, e.Code));
                    }
                }

                Check(nameof(Command.FirstName), () => AccountHolder.Create(c.FirstName, "X"));
                Check(nameof(Command.LastName), () => AccountHolder.Create("X", c.LastName));
                Check(nameof(Command.CompanyName), () => AccountHolder.Create("X", "X", c.CompanyName));
                Check(nameof(Command.Street), () => ServiceAddress.Create(c.Street, null, "75001", "X"));
                Check(nameof(Command.Complement), () => ServiceAddress.Create("X", c.Complement, "75001", "X"));
                Check(nameof(Command.PostalCode), () => ServiceAddress.Create("X", null, c.PostalCode, "X"));
                Check(nameof(Command.City), () => ServiceAddress.Create("X", null, "75001", c.City));
            });
        }
    }

    public sealed class QueryHandler(AppDbContext db, TimeProvider time) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, query.Id, time, cancellationToken, WizardSection.AddressAndHolder);
            return new Command
            {
                Id = r.Id,
                ReturnTo = query.ReturnTo,
                FirstName = r.AccountHolder?.FirstName,
                LastName = r.AccountHolder?.LastName,
                CompanyName = r.AccountHolder?.CompanyName,
                Street = r.ServiceAddress?.Street,
                Complement = r.ServiceAddress?.Complement,
                PostalCode = r.ServiceAddress?.PostalCode,
                City = r.ServiceAddress?.City,
            };
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, IHttpContextAccessor http) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, command.Id, time, cancellationToken);
            r.EnterServiceAddressAndHolder(http.HttpContext!.User.ToActor(),
                ServiceAddress.Create(command.Street, command.Complement, command.PostalCode, command.City),
                AccountHolder.Create(command.FirstName, command.LastName, command.CompanyName),
                time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
