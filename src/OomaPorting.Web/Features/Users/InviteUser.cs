using System.Globalization;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Identity;
using OomaPorting.Web.Infrastructure.Validation;

namespace OomaPorting.Web.Features.Users;

/// <summary>
/// An admin invites a colleague: name, e-mail, role and extension. The colleague gets an e-mail with a single-use link
/// (7 days) to choose a password; until then they are "invited". An e-mail that already belongs to someone, in this
/// account or another, is refused without saying where.
/// </summary>
public static class InviteUser
{
    public sealed class Command : ICommand
    {
        public string? DisplayName { get; set; }

        public string? Email { get; set; }

        /// <summary><c>AccountUser</c> or <c>AccountAdmin</c>.</summary>
        public string? Role { get; set; }

        public string? Extension { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.DisplayName).Satisfies(v => DomainText.PersonNameProblem(v, "User.Name", 200), text);
            RuleFor(c => c.Email).NotEmpty().WithMessage(_ => text["Users.Email.Required"])
                .Must(EmailAddresses.IsPlain).WithMessage(_ => text["Users.Email.Invalid"]);
            RuleFor(c => c.Role).Must(r => r is Roles.AccountUser or Roles.AccountAdmin).WithMessage(_ => text["Users.Role.Required"]);
            RuleFor(c => c.Extension).Must(e => string.IsNullOrEmpty(e) || (e.Length is >= 2 and <= 6 && e.All(char.IsAsciiDigit)))
                .WithMessage(_ => text["Users.Extension.Invalid"]);
        }
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, ICurrentActor current, TimeProvider time, EmailComposer composer,
        IStringLocalizer<SharedResource> text) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var accountId = current.AccountId ?? throw new NotFoundException();
            var email = command.Email!.Trim();
            if (await users.FindByEmailAsync(email) is not null)
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Email), text["Users.Email.Taken"])]);
            }

            var extension = string.IsNullOrEmpty(command.Extension) ? null : command.Extension;
            if (extension is not null && await db.Users.AnyAsync(u => u.AccountId == accountId && u.Extension == extension, cancellationToken))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Extension), text["Users.Extension.Taken"])]);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var company = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.CompanyName).FirstAsync(cancellationToken);
            var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr-FR";
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
                var user = new AppUser
                {
                    UserName = email, Email = email, DisplayName = DomainText.Clean(command.DisplayName, "User.Name", 200),
                    Extension = extension, AccountId = accountId, PreferredCulture = culture,
                };
                if (!(await users.CreateAsync(user)).Succeeded)
                {
                    // A name Identity refuses (a race on the same address, say): the field says so, nothing is kept.
                    throw new ValidationException([new ValidationFailure(nameof(Command.Email), text["Users.Email.Taken"])]);
                }

                (await users.AddToRoleAsync(user, command.Role!)).EnsureSucceeded("User change");
                await InvitationEmail.SendAsync(db, composer, user, current.Actor.DisplayName, company, culture, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
            return Unit.Value;
        }
    }
}
