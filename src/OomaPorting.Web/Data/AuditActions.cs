namespace OomaPorting.Web.Data;

/// <summary>The codes of the audit trail's actions.</summary>
public static class AuditActions
{
    public const string AccountCreated = "AccountCreated";
    public const string AccountDisabled = "AccountDisabled";
    public const string AccountEnabled = "AccountEnabled";
    /// <summary>A support admin closed an account (its reason); its personal data are erased after the retention period.</summary>
    public const string AccountClosed = "AccountClosed";

    /// <summary>A support admin reopened a closed account before its data were erased.</summary>
    public const string AccountReopened = "AccountReopened";

    public const string InvitationResent = "InvitationResent";
    public const string AgentInvited = "AgentInvited";
    public const string AgentDisabled = "AgentDisabled";
    public const string AgentEnabled = "AgentEnabled";
    public const string TwoFactorReset = "TwoFactorReset";

    /// <summary>A signature code e-mailed to an admin before a submission (the customer's own action, kept as evidence).</summary>
    public const string SignatureCodeSent = "SignatureCodeSent";

    /// <summary>A signature code typed back, with its outcome (confirmed, wrong, expired, locked).</summary>
    public const string SignatureCodeAttempt = "SignatureCodeAttempt";

    /// <summary>An account admin made an API key (its public prefix, name, role and expiry; never the secret).</summary>
    public const string ApiKeyCreated = "ApiKeyCreated";

    /// <summary>An API key revoked, by an admin of its account or by support.</summary>
    public const string ApiKeyRevoked = "ApiKeyRevoked";

    /// <summary>An account admin registered a webhook endpoint (its address and events; never the secret).</summary>
    public const string WebhookRegistered = "WebhookRegistered";

    /// <summary>A webhook endpoint removed, disabled or enabled again by an admin of its account.</summary>
    public const string WebhookChanged = "WebhookChanged";

    /// <summary>A support admin sent on or discarded the messages a restore held (how many of each).</summary>
    public const string HeldMessagesReleased = "HeldMessagesReleased";

    public static readonly IReadOnlyList<string> All =
        [AccountCreated, AccountDisabled, AccountEnabled, AccountClosed, AccountReopened, InvitationResent, AgentInvited, AgentDisabled, AgentEnabled, TwoFactorReset,
            SignatureCodeSent, SignatureCodeAttempt, ApiKeyCreated, ApiKeyRevoked, WebhookRegistered, WebhookChanged, HeldMessagesReleased];
}
