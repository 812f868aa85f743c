namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>
/// Each user of an account chooses whether the e-mails that follow the account's ports reach them (submitted, FOC
/// date, test call, completion, messages from support...). Until they choose, admins do and users do not.
/// </summary>
public static class FollowPorts
{
    public sealed record Query : IQuery<bool>;

    public sealed class Command : ICommand
    {
        public bool Follow { get; set; }
    }

    /// <summary>Whether a user with this choice and role follows the ports: the choice, or the role's default.</summary>
    public static bool Follows(bool? choice, bool isAdmin) => choice ?? isAdmin;

    public sealed class QueryHandler(AppDbContext db, ICurrentActor current) : IQueryHandler<Query, bool>
    {
        public async ValueTask<bool> Handle(Query query, CancellationToken cancellationToken)
        {
            var actor = current.Actor;
            var choice = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.FollowsPorts).FirstOrDefaultAsync(cancellationToken);
            return Follows(choice, actor.Role == ActorRole.AccountAdmin);
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == current.Actor.UserId, cancellationToken) ?? throw new NotFoundException();
            user.FollowsPorts = command.Follow;
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
