using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>Delivers one message or throws; the dispatcher decides about retries.</summary>
public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>SMTP through MailKit: host, port, TLS mode and credentials from <c>Email:Smtp</c>.</summary>
public sealed class SmtpEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>The default: each message as an <c>.eml</c> file in <c>Email:Folder</c> (else <c>mail</c> under the data folder).</summary>
public sealed class FolderEmailTransport(IOptions<EmailOptions> options, IConfiguration configuration, IHostEnvironment environment) : IEmailTransport
{
    public string Folder { get; } = string.IsNullOrWhiteSpace(options.Value.Folder)
        ? Path.Combine(Database.DataFolder(configuration, environment.ContentRootPath), "mail")
        : options.Value.Folder;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml";
        var temporary = Path.Combine(Folder, name + ".tmp");
        await message.WriteToAsync(temporary, ct);

        // Written whole, then renamed: a reader never sees half a message.
        File.Move(temporary, Path.Combine(Folder, name), overwrite: true);
    }
}
