namespace OomaPorting.Web.Features.MyAccount;

/// <summary>
/// Ends one of my sessions (a browser left signed in elsewhere), or, without an id, every session but this one.
/// Another user's session id is simply not found (404).
/// </summary>
public static class EndSession
{
    public sealed record Command(Guid? SessionId) : ICommand<int>;

    public sealed class Handler(AppDbContext db, ICurrentActor current, ILogger<Handler> logger) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var userId = current.Actor.UserId;
            var mine = db.AuthSessions.Where(s => s.UserId == userId);
            var ended = command.SessionId is { } id
                ? await mine.Where(s => s.PublicId == id).ExecuteDeleteAsync(cancellationToken)
                : await mine.Where(s => s.PublicId != current.SessionId).ExecuteDeleteAsync(cancellationToken);
            if (command.SessionId is not null && ended == 0)
            {
                throw new NotFoundException();
            }

            logger.LogInformation("User {UserId} ended {Count} of their sessions", userId, ended);
            return ended;
        }
    }
}
