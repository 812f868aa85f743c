namespace OomaPorting.Domain.Accounts;

/// <summary>
/// What a webhook endpoint is told of: one flag per kind of change of a port request. The names integrators see are
/// <see cref="WebhookEventTypes"/>'s (<c>port_request.submitted</c> ...).
/// </summary>
[Flags]
public enum WebhookEvents
{
    None = 0,
    Submitted = 1,
    Resubmitted = 2,
    SentBack = 4,
    FocSet = 8,
    FocMoved = 16,
    TestCallStarted = 32,
    Completed = 64,
    Cancelled = 128,
    NumbersRefused = 256,
    SupportMessage = 512,
    NumbersWithdrawn = 1024,
    All = Submitted | Resubmitted | SentBack | FocSet | FocMoved | TestCallStarted | Completed | Cancelled | NumbersRefused | SupportMessage | NumbersWithdrawn,
}
