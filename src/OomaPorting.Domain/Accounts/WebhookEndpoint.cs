using System.Net;
using System.Security.Cryptography;
using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Accounts;

/// <summary>
/// An address of an integrator's system that is told, by a signed HTTP POST, of the changes of its account's port
/// requests it picked (<see cref="Events"/>). Registered by an admin of the account with a secret made here and shown
/// once (<see cref="Register"/>); the secret signs every delivery (HMAC-SHA256), so it is kept encrypted by the portal
/// (<see cref="SecretCipher"/>), never in clear. An endpoint that fails for <c>a day</c> without one success is
/// disabled (<see cref="RecordFailure"/>); its admin turns it back on (<see cref="Enable"/>).
/// </summary>
public sealed class WebhookEndpoint
{
    public const int MaxUrlLength = 500;

    /// <summary>Endpoints an account may register.</summary>
    public const int MaxPerAccount = 10;

    /// <summary>What every secret starts with, so a leaked one is recognised.</summary>
    public const string SecretScheme = "whsec_";

    private WebhookEndpoint()
    {
        Url = string.Empty;
        SecretCipher = string.Empty;
        SecretHint = string.Empty;
        CreatedByUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    /// <summary>The absolute address deliveries are POSTed to.</summary>
    public string Url { get; private set; }

    public WebhookEvents Events { get; private set; }

    /// <summary>The signing secret, encrypted by the portal (its data-protection keys); set once, by <see cref="KeepSecret"/>.</summary>
    public string SecretCipher { get; private set; }

    /// <summary>The secret's first characters, to recognise it (<c>whsec_3F7k…</c>).</summary>
    public string SecretHint { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedByUserId { get; private set; }

    /// <summary>When deliveries stopped (by its admin, or after a day of failures); null while it receives them.</summary>
    public DateTime? DisabledAtUtc { get; private set; }

    /// <summary>Why deliveries stopped: <c>Failures</c> or <c>Admin</c>.</summary>
    public string? DisabledReason { get; private set; }

    /// <summary>The first failure since the last success; null while the endpoint answers.</summary>
    public DateTime? FailingSinceUtc { get; private set; }

    public DateTime? LastSuccessAtUtc { get; private set; }

    public DateTime? LastFailureAtUtc { get; private set; }

    public bool IsEnabled => DisabledAtUtc is null;

    /// <summary>Whether a change of the single kind <paramref name="kind"/> is to be delivered here now.</summary>
    public bool Wants(WebhookEvents kind) => IsEnabled && (Events & kind) == kind && kind != WebhookEvents.None;

    /// <summary>
    /// Why <paramref name="url"/> cannot receive webhooks, as a refusal code (<c>Webhook.Url.Required</c>, <c>.TooLong</c>,
    /// <c>.Invalid</c>, <c>.NotHttps</c>, <c>.Credentials</c>, <c>.Private</c>), or null. <paramref name="allowLocal"/>
    /// (a developer's machine only) lets plain http and local addresses through.
    /// </summary>
    public static string? CheckUrl(string? url, bool allowLocal)
    {
        var trimmed = (url ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return "Webhook.Url.Required";
        }

        if (trimmed.Length > MaxUrlLength)
        {
            return "Webhook.Url.TooLong";
        }

        if (DomainText.HasHiddenCharacters(trimmed) || trimmed.Any(char.IsWhiteSpace)
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || string.IsNullOrEmpty(uri.Host) || uri.Fragment.Length > 0)
        {
            return "Webhook.Url.Invalid";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "Webhook.Url.Credentials";
        }

        if (allowLocal)
        {
            return null;
        }

        if (uri.Scheme != "https")
        {
            return "Webhook.Url.NotHttps";
        }

        // The host as a resolver reads it: a trailing dot names the same host ("127.0.0.1." is 127.0.0.1), and an
        // address may be written in any form IPv4 parsers accept (127.1, 2130706433, 0x7f000001, 0177.0.0.1).
        var host = uri.IdnHost.Trim('[', ']').TrimEnd('.');
        return IPAddress.TryParse(host, out var ip) ? (WebhookAddress.IsPublic(ip) ? null : "Webhook.Url.Private")
            : WebhookAddress.IsLocalName(host) ? "Webhook.Url.Private" : null;
    }

    /// <summary>Why <paramref name="events"/> cannot be an endpoint's choice (<c>Webhook.Events.Required</c>), or null.</summary>
    public static string? CheckEvents(WebhookEvents events) =>
        events == WebhookEvents.None || (events & ~WebhookEvents.All) != 0 ? "Webhook.Events.Required" : null;

    /// <summary>
    /// A new endpoint of <paramref name="accountId"/>, registered by one of its admins, and its signing secret (shown
    /// once; the caller encrypts it into <see cref="KeepSecret"/> before saving). <paramref name="existing"/> is how many
    /// endpoints the account holds now.
    /// </summary>
    public static (WebhookEndpoint Endpoint, string Secret) Register(Guid accountId, string? url, WebhookEvents events, Actor actor, int existing,
        bool allowLocal, DateTime nowUtc)
    {
        EnsureManagedBy(actor);
        if (CheckUrl(url, allowLocal) is { } urlProblem)
        {
            throw new DomainException(urlProblem, "A webhook endpoint is an https address of a public server.");
        }

        if (CheckEvents(events) is { } eventsProblem)
        {
            throw new DomainException(eventsProblem, "A webhook endpoint receives at least one kind of event.");
        }

        if (existing >= MaxPerAccount)
        {
            throw new DomainException("Webhook.TooMany", $"An account registers at most {MaxPerAccount} webhook endpoints.");
        }

        var secret = SecretScheme + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            Url = url!.Trim(),
            Events = events,
            SecretHint = secret[..(SecretScheme.Length + 4)] + "…",
            CreatedAtUtc = nowUtc,
            CreatedByUserId = actor.UserId,
        };
        return (endpoint, secret);
    }

    /// <summary>Keeps the encrypted secret, once, right after <see cref="Register"/>.</summary>
    public void KeepSecret(string cipher)
    {
        ArgumentException.ThrowIfNullOrEmpty(cipher);
        if (SecretCipher.Length > 0)
        {
            throw new InvalidOperationException("The secret of a webhook endpoint is set once.");
        }

        SecretCipher = cipher;
    }

    /// <summary>Changes which events the endpoint receives (an admin of its account).</summary>
    public void ChangeEvents(WebhookEvents events, Actor actor)
    {
        EnsureManagedBy(actor);
        if (CheckEvents(events) is { } problem)
        {
            throw new DomainException(problem, "A webhook endpoint receives at least one kind of event.");
        }

        Events = events;
    }

    /// <summary>Stops deliveries (an admin of its account); what was pending is not sent.</summary>
    public void Disable(Actor actor, DateTime nowUtc)
    {
        EnsureManagedBy(actor);
        if (!IsEnabled)
        {
            throw new DomainException("Webhook.AlreadyDisabled", "This webhook endpoint is already disabled.");
        }

        DisabledAtUtc = nowUtc;
        DisabledReason = "Admin";
    }

    /// <summary>Starts deliveries again (an admin of its account), with a clean failure record.</summary>
    public void Enable(Actor actor)
    {
        EnsureManagedBy(actor);
        if (IsEnabled)
        {
            throw new DomainException("Webhook.AlreadyEnabled", "This webhook endpoint already receives its events.");
        }

        DisabledAtUtc = null;
        DisabledReason = null;
        FailingSinceUtc = null;
    }

    /// <summary>Refuses unless <paramref name="actor"/> may send this endpoint something by hand (a resend, a test event): an admin, the endpoint enabled.</summary>
    public void EnsureSendableBy(Actor actor)
    {
        EnsureManagedBy(actor);
        if (!IsEnabled)
        {
            throw new DomainException("Webhook.Resend.Disabled", "Enable the endpoint before sending it anything again.");
        }
    }

    /// <summary>A delivery was answered with a 2xx: the endpoint is healthy again.</summary>
    public void RecordSuccess(DateTime nowUtc)
    {
        LastSuccessAtUtc = nowUtc;
        FailingSinceUtc = null;
    }

    /// <summary>
    /// A delivery failed. When the endpoint has not succeeded once for <paramref name="disableAfter"/>, it is disabled:
    /// true then (once), so the caller tells its admins.
    /// </summary>
    public bool RecordFailure(DateTime nowUtc, TimeSpan disableAfter)
    {
        LastFailureAtUtc = nowUtc;
        FailingSinceUtc ??= nowUtc;
        if (IsEnabled && nowUtc - FailingSinceUtc.Value >= disableAfter)
        {
            DisabledAtUtc = nowUtc;
            DisabledReason = "Failures";
            return true;
        }

        return false;
    }

    /// <summary>Refuses unless <paramref name="actor"/> manages the account's endpoints (registers, changes, removes them): an admin of the account.</summary>
    public static void EnsureManagedBy(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCustomerAdmin)
        {
            throw new DomainException("Webhook.NotAllowed", "Only an admin of the account manages its webhook endpoints.");
        }
    }
}
