using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OomaPorting.Web.Infrastructure.Email;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>Waiting for an operator: it was pending in a restored backup (<c>restore --hold-outbox</c>) and may have gone out already.</summary>
    Held = 3,
}
