namespace OomaPorting.Web.Features.Extensions;

/// <summary>An admin gives one of the account's numbers to a user, or takes it back (empty user).</summary>
public static class AssignNumber
{
    public sealed class Command : ICommand
    {
        /// <summary>E.164 of one of the account's numbers.</summary>
        public string? Number { get; set; }

        /// <summary>A user of the account, or empty to unassign.</summary>
        public string? UserId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, AppDbContext db)
        {
            RuleFor(c => c.Number).Must(n => FrenchNumber.TryParse(n, out _)).WithMessage(_ => text["Extensions.Assign.NumberInvalid"]);
            RuleFor(c => c.UserId).MustAsync(async (userId, ct) =>
                string.IsNullOrEmpty(userId)
                || await db.Users.AnyAsync(u => u.Id == userId && u.AccountId == db.CurrentAccountId && !u.IsDisabled, ct))
                .WithMessage(_ => text["Extensions.Assign.UserInvalid"]);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var account = await db.Accounts.Include(a => a.Numbers).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
            var number = FrenchNumber.Parse(command.Number);
            if (string.IsNullOrEmpty(command.UserId))
            {
                account.UnassignNumber(number);
            }
            else
            {
                account.AssignNumber(number, command.UserId, time.GetUtcNow().UtcDateTime);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
