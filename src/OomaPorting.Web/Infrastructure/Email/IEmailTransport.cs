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

