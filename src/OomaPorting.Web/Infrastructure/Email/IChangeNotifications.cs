using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>Turns the changes of one <c>SaveChanges</c> into outbox messages, added to the same context.</summary>
public interface IChangeNotifications
{
    ValueTask WriteAsync(AppDbContext db, IReadOnlyList<PortRequestEvent> events, IReadOnlyList<PortRequestMessage> messages, CancellationToken ct);
}
