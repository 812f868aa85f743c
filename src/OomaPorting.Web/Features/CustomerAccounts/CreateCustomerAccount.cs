using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Numbers;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Identity;
using OomaPorting.Web.Infrastructure.Validation;

namespace OomaPorting.Web.Features.CustomerAccounts;

/// <summary>
/// Support opens a customer account: company name, SIRET, the temporary Ooma number, and the first admin, who gets an
/// invitation e-mail (a single-use link, 7 days). A SIRET or a number another account has, or an e-mail that belongs
/// to someone, is refused at its field. The account, its admin, the link and the audit line are saved together.
/// </summary>
public static class CreateCustomerAccount
{
    public sealed class Command : ICommand<Guid>
    {
        public string? CompanyName { get; set; }

        public string? Siret { get; set; }

        public string? TemporaryNumber { get; set; }

        public string? AdminName { get; set; }

        public string? AdminEmail { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.CompanyName).Satisfies(Domain.Accounts.Account.CheckCompanyName, text);
            RuleFor(c => c.Siret).Satisfies(Domain.Accounts.Siret.Check, text);
            RuleFor(c => c.TemporaryNumber).Satisfies(Domain.Accounts.Account.CheckTemporaryNumber, text);
            RuleFor(c => c.AdminName).Satisfies(v => DomainText.PersonNameProblem(v, "Admin.Name", 200), text);
            RuleFor(c => c.AdminEmail).NotEmpty().WithMessage(_ => text["Users.Email.Required"])
                .Must(EmailAddresses.IsPlain).WithMessage(_ => text["Users.Email.Invalid"]);
        }
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, ICurrentActor current, TimeProvider time, EmailComposer composer,
        IStringLocalizer<SharedResource> text) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var siret = Domain.Accounts.Siret.Parse(command.Siret);
            var number = FrenchNumber.Parse(command.TemporaryNumber);
            var email = command.AdminEmail!.Trim();
            var taken = new List<ValidationFailure>();
            if (await db.Accounts.IgnoreQueryFilters().AnyAsync(a => a.Siret == siret, cancellationToken))
            {
                taken.Add(new ValidationFailure(nameof(Command.Siret), text["CustomerAccounts.Siret.Taken"]));
            }

            // A temporary number another account let go of may be given again (ListReleasedTemporaryNumbers): only one held now is taken.
            if (await ListReleasedTemporaryNumbers.IsHeldAsync(db, number, cancellationToken))
            {
                taken.Add(new ValidationFailure(nameof(Command.TemporaryNumber), text["CustomerAccounts.Number.Taken"]));
            }

            if (await users.FindByEmailAsync(email) is not null)
            {
                taken.Add(new ValidationFailure(nameof(Command.AdminEmail), text["Users.Email.Taken"]));
            }

            if (taken.Count > 0)
            {
                throw new ValidationException(taken);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var account = Domain.Accounts.Account.Open(Guid.CreateVersion7(now), command.CompanyName!, number, now, siret);
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
                db.Accounts.Add(account);
                await db.SaveChangesAsync(cancellationToken);
                var admin = new AppUser
                {
                    UserName = email, Email = email, DisplayName = DomainText.Clean(command.AdminName, "Admin.Name", 200), AccountId = account.Id,
                };
                (await users.CreateAsync(admin)).EnsureSucceeded("Customer account");
                (await users.AddToRoleAsync(admin, Roles.AccountAdmin)).EnsureSucceeded("Customer account");
                await InvitationEmail.SendAsync(db, composer, admin, current.Actor.DisplayName, account.CompanyName, "fr-FR", now, cancellationToken);
                Audit.Record(db, current.Actor, now, AuditActions.AccountCreated, account.Id, admin.Id, AuditDetails.Of("AccountCreated",
                    AuditDetails.Text(account.CompanyName), AuditDetails.Text(siret.Display), AuditDetails.Text(number.Display),
                    AuditDetails.Text($"{admin.DisplayName} <{email}>")));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
            return account.Id;
        }
    }
}
