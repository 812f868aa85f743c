using Microsoft.Extensions.DependencyInjection;
using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>A real SMTP server on a loopback port, in the test process: it keeps what it receives, and can refuse on demand.</summary>
public sealed partial class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _refuseNext;

    public TestSmtpServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).AllowUnsecureAuthentication())
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>Runs the portal's outbox until nothing is due, then answers what reached <paramref name="to"/>, oldest first.</summary>
    public async Task<List<MimeMessage>> DeliveredToAsync(PortalFactory factory, string to)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var processor = factory.Services.GetRequiredService<Web.Infrastructure.Email.OutboxProcessor>();
        while (await processor.DispatchDueAsync(CancellationToken.None) > 0)
        {
        }

        return [.. Received.Where(m => m.To.Mailboxes.Any(b => b.Address == to))];
    }

    /// <summary>The path of the single-use link (invitation or password reset) an e-mail carries; empty when none.</summary>
    public static string LinkIn(MimeMessage mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return LinkPattern().Match(mail.TextBody ?? string.Empty).Groups[1].Value;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://[^\s""<>]+(/compte/invitation/[A-Za-z0-9_-]+)")]
    private static partial System.Text.RegularExpressions.Regex LinkPattern();

    /// <summary>Each received message as the bytes that crossed the wire, in the order of <see cref="Received"/>.</summary>
    public ConcurrentQueue<byte[]> Raw { get; } = new();

    /// <summary>How long each message takes to be accepted (a slow relay), so a sender can be caught mid-batch.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The next <paramref name="count"/> messages are refused with a temporary failure.</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refuseNext, count);

    private int _refused;

    public int Refused => Volatile.Read(ref _refused);

    public Dictionary<string, string?> Settings() => new()
    {
        ["Email:Transport"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:DispatcherEnabled"] = "false",
        ["Email:RetryBaseSeconds"] = "0",
        ["Email:SupportAddress"] = "support-portage@ooma-office.test",
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref owner._refuseNext) >= 0)
            {
                Interlocked.Increment(ref owner._refused);
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "try again later");
            }

            if (owner.Delay > TimeSpan.Zero)
            {
                await Task.Delay(owner.Delay, cancellationToken);
            }

            var bytes = buffer.ToArray();
            await using var stream = new MemoryStream(bytes);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (owner.Raw)
            {
                owner.Raw.Enqueue(bytes);
                owner.Received.Enqueue(message);
            }
            return SmtpResponse.Ok;
        }
    }
}
