namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>
/// Writes a message of its <see cref="Kind"/> when the dispatcher is about to send it, instead of in the request that
/// asked for it (<see cref="Outbox.AddToPrepare"/>): the request then does the same work whatever the answer will be,
/// so its timing tells nothing (a password reset for an address with or without an account). Its writes (a token)
/// are saved with the message's content before it is sent.
/// </summary>
public interface IOutboxPreparer
{
    /// <summary>The kind of the rows it prepares, as queued.</summary>
    string Kind { get; }

    /// <summary>
    /// Fills <paramref name="message"/> in (kind, recipient, culture, subject, bodies) and answers true, or answers false
    /// when nothing is to be sent (the row is then deleted, with the address it held).
    /// </summary>
    Task<bool> PrepareAsync(AppDbContext db, OutboxMessage message, CancellationToken ct);
}
