using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OomaPorting.Web.Infrastructure.Email;

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
