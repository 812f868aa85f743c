using OomaPorting.Web.Infrastructure.Backup;

namespace OomaPorting.Web.Features.HeldMessages;

/// <summary>
/// <c>release-outbox [--discard]</c>: sends on what <c>restore --hold-outbox</c> held (or, with <c>--discard</c>, records
/// it as not sent), as support's "Envois retenus" page does; audited as done by the portal itself. Exit codes: 0 done,
/// 2 wrong arguments, 3 nothing was held.
/// </summary>
public static class ReleaseOutboxCommand
{
    public const string Name = "release-outbox";

    public const string DiscardOption = "--discard";

    public const int NothingHeld = 3;

    public static bool IsRequested(IReadOnlyList<string> args) =>
        args is { Count: > 0 } && string.Equals(args[0], Name, StringComparison.Ordinal);

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count > 2 || (args.Count == 2 && args[1] != DiscardOption))
        {
            await error.WriteLineAsync($"Usage: {Name} [{DiscardOption}]");
            return BackupCommand.Usage;
        }

        var send = args.Count == 1;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            var counts = await HeldMessages.ReleaseAsync(db, Actor.System, send, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, CancellationToken.None);
            await output.WriteLineAsync(send
                ? $"Sending on {counts.Emails} e-mails and {counts.Webhooks} webhook deliveries (the portal's dispatchers send them when it runs)."
                : $"Discarded {counts.Emails} e-mails and {counts.Webhooks} webhook deliveries: they will not be sent.");
            return BackupCommand.Done;
        }
        catch (DomainException e) when (e.Code == "HeldMessages.NoneHeld")
        {
            await error.WriteLineAsync("No message is held: nothing was done.");
            return NothingHeld;
        }
    }
}
