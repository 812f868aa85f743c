namespace OomaPorting.Web.Data;

/// <summary>The codes of the audit trail's actions.</summary>
public static class AuditActions
{
    public const string AccountCreated = "AccountCreated";
    public const string AccountDisabled = "AccountDisabled";
    public const string AccountEnabled = "AccountEnabled";
    public const string InvitationResent = "InvitationResent";
    public const string AgentInvited = "AgentInvited";
    public const string AgentDisabled = "AgentDisabled";
    public const string AgentEnabled = "AgentEnabled";
    public const string TwoFactorReset = "TwoFactorReset";

    public static readonly IReadOnlyList<string> All =
        [AccountCreated, AccountDisabled, AccountEnabled, InvitationResent, AgentInvited, AgentDisabled, AgentEnabled, TwoFactorReset];
}
