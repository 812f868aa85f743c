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
public sealed class TestSmtpServer : IAsyncDisposable
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

    /// <summary>Each received message as the bytes that crossed the wire, in the order of <see cref="Received"/>.</summary>
    public ConcurrentQueue<byte[]> Raw { get; } = new();

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
