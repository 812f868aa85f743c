namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>The <c>Email</c> section of the configuration.</summary>
public sealed class EmailOptions
{
    /// <summary><c>Folder</c> (default: <c>.eml</c> files under the data folder) or <c>Smtp</c>.</summary>
    public string Transport { get; set; } = "Folder";

    public string From { get; set; } = "Ooma Office <portage@ooma-office.test>";

    /// <summary>Where new customer messages and resubmissions are announced to support.</summary>
    public string SupportAddress { get; set; } = "support-portage@ooma-office.test";

    /// <summary>The portal's public address, for the links in messages.</summary>
    public string PortalUrl { get; set; } = "http://localhost:5000";

    public string? Folder { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Run the background dispatcher (tests drive it by hand instead).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    public int PollSeconds { get; set; } = 5;

    public int BatchSize { get; set; } = 20;

    /// <summary>A claim older than this is taken again: the dispatcher that held it is presumed dead.</summary>
    public int ClaimTimeoutSeconds { get; set; } = 120;

    /// <summary>First retry after this many seconds, then doubling, capped at one hour.</summary>
    public int RetryBaseSeconds { get; set; } = 60;

    public int MaxAttempts { get; set; } = 8;

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
