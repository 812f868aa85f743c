namespace OomaPorting.Domain.Common;

/// <summary>
/// How often one click may make the portal write to someone (issue 35, point 18): 49 resends in 7 seconds once gave one
/// person 49 invitations, and a customer's messages gave the desk's mailbox over a thousand e-mails. Counted over the
/// last <see cref="Window"/>; past a limit the action is refused with a message that says when it may be done again.
/// </summary>
public static class SendingLimits
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Invitation e-mails to one address (the first invitation included).</summary>
    public const int InvitationsPerAddress = 3;

    /// <summary>Messages one person of an account writes to support (each one e-mails the desk).</summary>
    public const int MessagesPerCustomer = 20;

    /// <summary>Test events sent to one webhook address.</summary>
    public const int TestEventsPerWebhook = 10;

    /// <summary>Refuses a sending when <paramref name="sentInWindow"/> already reached <paramref name="limit"/>.</summary>
    public static void Check(int sentInWindow, int limit, string code)
    {
        if (sentInWindow >= limit)
        {
            throw new DomainException(code, $"At most {limit} in an hour.");
        }
    }
}
