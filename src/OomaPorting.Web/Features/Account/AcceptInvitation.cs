using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.Account;

/// <summary>
/// An invitation link: the invited person (a support agent made by <c>create-support-agent</c>, later colleagues)
/// chooses a password under the portal's rules and is signed in. A used, revoked, expired or wrong link shows a clear
/// page and changes nothing.
/// </summary>
public static class AcceptInvitation
{
    public sealed record Query(string Token) : IQuery<Invited?>;

    /// <summary>What a link that no longer works was: an invitation, a password-reset link, or unknown.</summary>
    public sealed record DeadLinkQuery(string Token) : IQuery<DeadLink>;

    public enum DeadLink
    {
        Unknown,
        Invitation,
        Reset,
    }

    /// <summary>Who the link is for, shown on the page.</summary>
    /// <param name="Renewing">The person has a password already (a reset link): they choose a new one.</param>
    /// <param name="SignedIn">False when the person uses two-factor sign-in: a new password alone does not let them in.</param>
    public sealed record Invited(string DisplayName, string Email, bool Renewing = false, bool SignedIn = true);

    public sealed class Command : ICommand<Invited>
    {
        public string Token { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;

        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Password).NotEmpty().WithMessage(_ => text["Invitation.Password.Required"])
                .MaximumLength(512).WithMessage(_ => text["Invitation.Password.TooLong"]);
            RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithMessage(_ => text["Invitation.Password.Mismatch"]);
        }
    }

    public sealed class QueryHandler(AppDbContext db, TimeProvider time) : IQueryHandler<Query, Invited?>
    {
        public async ValueTask<Invited?> Handle(Query query, CancellationToken cancellationToken)
        {
            var invitation = await Invitations.FindUsableAsync(db, query.Token, time.GetUtcNow().UtcDateTime, cancellationToken);
            var user = invitation is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == invitation.UserId, cancellationToken);
            return user is null || await SignInBar.IsBarredAsync(db, user, cancellationToken)
                ? null
                : new Invited(user.DisplayName, user.Email!, user.PasswordHash != null);
        }
    }

    public sealed class DeadLinkHandler(AppDbContext db) : IQueryHandler<DeadLinkQuery, DeadLink>
    {
        public async ValueTask<DeadLink> Handle(DeadLinkQuery query, CancellationToken cancellationToken) =>
            await Invitations.WasResetAsync(db, query.Token, cancellationToken) switch
            {
                true => DeadLink.Reset,
                false => DeadLink.Invitation,
                null => DeadLink.Unknown,
            };
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider time,
        IStringLocalizer<SharedResource> text, ILogger<Handler> logger) : ICommandHandler<Command, Invited>
    {
        public async ValueTask<Invited> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            // A link that stopped working while the page was open: the page then says so (it is re-rendered).
            var invitation = await Invitations.FindUsableAsync(db, command.Token, now, cancellationToken)
                ?? throw new DomainException("Invitation.Unusable", "This invitation link no longer works.");
            var user = await users.FindByIdAsync(invitation.UserId);
            if (user is null || await SignInBar.IsBarredAsync(db, user, cancellationToken))
            {
                throw new DomainException("Invitation.Unusable", "This invitation link no longer works.");
            }

            // The password rules are Identity's (length, common passwords), checked before anything is marked: the page
            // re-rendered after a refusal reads this same context, where a used mark would make the link look spent.
            foreach (var validator in users.PasswordValidators)
            {
                var checkedPassword = await validator.ValidateAsync(users, user, command.Password);
                if (!checkedPassword.Succeeded)
                {
                    throw new ValidationException(checkedPassword.Errors.Select(e => new ValidationFailure(nameof(Command.Password), e.Description)));
                }
            }

            invitation.UsedAtUtc = now;
            user.EmailConfirmed = true;
            var set = await users.HasPasswordAsync(user)
                ? await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), command.Password)
                : await users.AddPasswordAsync(user, command.Password);
            if (!set.Succeeded)
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Password), text["Invitation.Password.Refused"])]);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (user.TwoFactorEnabled)
            {
                // A reset link proves the mailbox, not the second factor: the person signs in with both, as always.
                logger.LogInformation("User {UserId} chose a new password from a link; two-factor sign-in still required", user.Id);
                return new Invited(user.DisplayName, user.Email!, SignedIn: false);
            }

            await signIn.SignInAsync(user, isPersistent: false);
            logger.LogInformation("User {UserId} chose a password from an invitation and signed in", user.Id);
            return new Invited(user.DisplayName, user.Email!);
        }
    }
}
