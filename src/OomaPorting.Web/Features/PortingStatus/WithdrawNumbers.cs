namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>The admin gives up porting numbers the carrier refused (<see cref="PortRequest.WithdrawNumbers"/>).</summary>
public static class WithdrawNumbers
{
    public sealed class Command : RefusedNumbers.Choice, ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) => RefusedNumbers.Rules(this, text);
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await RefusedNumbers.LoadAsync(db, command, cancellationToken);
            r.WithdrawNumbers(current.Actor, command.LineIds, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
