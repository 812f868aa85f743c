using System.ComponentModel.DataAnnotations;

namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>The <c>Email</c> section of the configuration, validated at start-up.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";
    public const string FolderTransport = "Folder";
    public const string SmtpTransport = "Smtp";

    /// <summary><c>Folder</c> (default: <c>.eml</c> files under the data folder) or <c>Smtp</c>.</summary>
    public string Transport { get; set; } = FolderTransport;

    public string From { get; set; } = "Ooma Office <portage@ooma-office.test>";

    /// <summary>Where new customer messages and resubmissions are announced to support.</summary>
    public string SupportAddress { get; set; } = "support-portage@ooma-office.test";

    /// <summary>The portal's public address, for the links in messages.</summary>
    public string PortalUrl { get; set; } = "http://localhost:5000";

    public string? Folder { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Run the background dispatcher (tests drive it by hand instead).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    [Range(1, 3600, ErrorMessage = "Email:PollSeconds must be between 1 and 3600.")]
    public int PollSeconds { get; set; } = 5;

    [Range(1, 1000, ErrorMessage = "Email:BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 20;

    /// <summary>A claim older than this is taken again: the dispatcher that held it is presumed dead.</summary>
    [Range(10, 86_400, ErrorMessage = "Email:ClaimTimeoutSeconds must be between 10 and 86400.")]
    public int ClaimTimeoutSeconds { get; set; } = 120;

    /// <summary>First retry after this many seconds, then doubling, capped at one hour.</summary>
    [Range(0, 3600, ErrorMessage = "Email:RetryBaseSeconds must be between 0 (retry at once) and 3600.")]
    public int RetryBaseSeconds { get; set; } = 60;

    [Range(1, 100, ErrorMessage = "Email:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 8;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Transport is not (FolderTransport or SmtpTransport))
        {
            yield return new($"Email:Transport '{Transport}' is unknown: use {FolderTransport} or {SmtpTransport}.", [nameof(Transport)]);
        }

        if (!Uri.TryCreate(PortalUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return new($"Email:PortalUrl '{PortalUrl}' must be an absolute http(s) address: it is used in every e-mail link.", [nameof(PortalUrl)]);
        }

        if (!MimeKit.MailboxAddress.TryParse(From, out _) || !MimeKit.MailboxAddress.TryParse(SupportAddress, out _))
        {
            yield return new("Email:From and Email:SupportAddress must be e-mail addresses.", [nameof(From), nameof(SupportAddress)]);
        }

        if (Transport == SmtpTransport && (string.IsNullOrWhiteSpace(Smtp.Host) || Smtp.Port is < 1 or > 65535
            || Smtp.Security is not ("None" or "StartTls" or "SslOnConnect" or "Auto")))
        {
            yield return new("Email:Smtp needs a Host, a Port (1-65535) and a Security of None, StartTls, SslOnConnect or Auto.", [nameof(Smtp)]);
        }
    }

    public sealed class SmtpSettings
    {
        public string Host { get; set; } = "localhost";

        public int Port { get; set; } = 25;

        /// <summary><c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c>.</summary>
        public string Security { get; set; } = "Auto";

        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}
