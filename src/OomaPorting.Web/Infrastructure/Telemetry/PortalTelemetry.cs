using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OomaPorting.Web.Infrastructure.Telemetry;

/// <summary>
/// The portal's own spans and instruments, beside ASP.NET Core's, EF Core's, HttpClient's and the runtime's. Every
/// attribute is a name the code chose (a command's type, an outcome, an e-mail kind, a status): never a phone number,
/// a RIO, a person's name, an e-mail address or free text (<c>Platform/TelemetryTests</c> checks it with canaries).
/// </summary>
public static class PortalTelemetry
{
    public const string Name = "OomaPorting";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Commands handled or refused: <c>command</c> (its type), <c>outcome</c> (handled, invalid, refused, conflict, failed).</summary>
    public static readonly Counter<long> Commands = Meter.CreateCounter<long>("oomaporting.commands", "{command}", "Commands handled or refused");

    /// <summary>How long commands and queries took, by <c>command</c> and <c>outcome</c>.</summary>
    public static readonly Histogram<double> CommandDuration = Meter.CreateHistogram<double>("oomaporting.command.duration", "s", "Duration of commands and queries");

    /// <summary>E-mails the dispatcher sent, will retry or gave up: <c>kind</c>, <c>outcome</c> (sent, retry, failed).</summary>
    public static readonly Counter<long> Emails = Meter.CreateCounter<long>("oomaporting.emails", "{email}", "E-mails sent, retried or given up");

    /// <summary>Webhook delivery attempts: <c>type</c>, <c>outcome</c> (sent, failed).</summary>
    public static readonly Counter<long> Webhooks = Meter.CreateCounter<long>("oomaporting.webhooks", "{delivery}", "Webhook delivery attempts, sent or failed");

    public const string CommandTag = "oomaporting.command";
    public const string OutcomeTag = "oomaporting.outcome";
    public const string KindTag = "oomaporting.email.kind";
    public const string WebhookTypeTag = "oomaporting.webhook.type";
}
