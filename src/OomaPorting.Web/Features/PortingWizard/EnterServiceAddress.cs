using OomaPorting.Web.Infrastructure.Validation;

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

        /// <summary>The holder company's SIRET; required with a company name, refused without one.</summary>
        public string? Siret { get; set; }

        public string? Street { get; set; }

        public string? Complement { get; set; }

        public string? PostalCode { get; set; }

        public string? City { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            // The value objects' own checks decide; each refusal lands on the field it concerns.
            RuleFor(c => c.FirstName).Satisfies(AccountHolder.CheckFirstName, text);
            RuleFor(c => c.LastName).Satisfies(AccountHolder.CheckLastName, text);
            RuleFor(c => c.CompanyName).Satisfies(AccountHolder.CheckCompanyName, text);
            RuleFor(c => c.Siret).Must((c, siret) => AccountHolder.CheckSiret(c.CompanyName, siret) is null)
                .WithMessage((c, siret) => text[$"Error.{AccountHolder.CheckSiret(c.CompanyName, siret)}"]);
            RuleFor(c => c.Street).Satisfies(ServiceAddress.CheckStreet, text);
            RuleFor(c => c.Complement).Satisfies(ServiceAddress.CheckComplement, text);
            RuleFor(c => c.PostalCode).Satisfies(ServiceAddress.CheckPostalCode, text);
            RuleFor(c => c.City).Satisfies(ServiceAddress.CheckCity, text);
        }
    }

    public sealed class QueryHandler(AppDbContext db, TimeProvider time) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, query.Id, time, cancellationToken, WizardSection.AddressAndHolder);

            // A first visit starts from the account's company and SIRET: most lines are billed to the company itself.
            var account = r.AccountHolder is null
                ? await db.Accounts.AsNoTracking().Select(a => new { a.CompanyName, a.Siret }).FirstOrDefaultAsync(cancellationToken)
                : null;
            return new Command
            {
                Id = r.Id,
                ReturnTo = query.ReturnTo,
                FirstName = r.AccountHolder?.FirstName,
                LastName = r.AccountHolder?.LastName,
                CompanyName = r.AccountHolder is { } h ? h.CompanyName : account?.Siret is null ? null : account.CompanyName,
                Siret = r.AccountHolder is { } held ? held.Siret?.Display : account?.Siret?.Display,
                Street = r.ServiceAddress?.Street,
                Complement = r.ServiceAddress?.Complement,
                PostalCode = r.ServiceAddress?.PostalCode,
                City = r.ServiceAddress?.City,
            };
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, command.Id, time, cancellationToken);
            r.EnterServiceAddressAndHolder(current.Actor,
                ServiceAddress.Create(command.Street, command.Complement, command.PostalCode, command.City),
                AccountHolder.Create(command.FirstName, command.LastName, command.CompanyName, command.Siret),
                time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
