using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// A message on a request's thread between the account and support, or an internal note of support that
/// customers never see.
/// </summary>
public sealed class PortRequestMessage
{
    public const int MaxLength = 4000;

    private PortRequestMessage()
    {
        AuthorUserId = string.Empty;
        AuthorName = string.Empty;
        Body = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PortRequestId { get; private set; }

    public Guid AccountId { get; private set; }

    public string AuthorUserId { get; private set; }

    public ActorRole AuthorRole { get; private set; }

    public string AuthorName { get; private set; }

    public string Body { get; private set; }

    /// <summary>An internal note: support only, never shown to the account.</summary>
    public bool IsInternal { get; private set; }

    public DateTime SentAtUtc { get; private set; }

    /// <summary>
    /// Account admins and support write on the thread; only support writes internal notes; account users only read.
    /// A request never submitted (a draft, or a draft thrown away) has no thread.
    /// </summary>
    public static PortRequestMessage Post(PortRequest request, Actor actor, string? body, bool isInternal, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role is not (ActorRole.AccountAdmin or ActorRole.Support) || (isInternal && !actor.IsSupport))
        {
            throw new DomainException("PortRequest.Forbidden", "This role may not write here.");
        }

        // A thread opens with the first submission: a draft, or a draft thrown away, has none (a message there once
        // e-mailed the desk about a request without a reference).
        if (request.Status == PortRequestStatus.Draft || request.FirstSubmittedAtUtc is null)
        {
            throw new DomainException("PortRequest.InvalidTransition", "A request never submitted has no message thread.");
        }

        var text = DomainText.CleanMultiline(body, "Message", MaxLength);
        return new PortRequestMessage
        {
            Id = Guid.CreateVersion7(nowUtc),
            PortRequestId = request.Id,
            AccountId = request.AccountId,
            AuthorUserId = actor.UserId,
            AuthorRole = actor.Role,
            AuthorName = actor.DisplayName,
            Body = text,
            IsInternal = isInternal,
            SentAtUtc = nowUtc,
        };
    }
}
