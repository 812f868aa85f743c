using System.Text.RegularExpressions;

namespace OomaPorting.Web.Infrastructure;

/// <summary>Which tab of the Office Manager a path belongs to, so the layout marks it as the current page.</summary>
public static partial class NavTabs
{
    public const string Dashboard = "dashboard";
    public const string Extensions = "extensions";
    public const string Porting = "porting";
    public const string Status = "status";
    public const string Support = "support";
    public const string SupportDashboard = "support-dashboard";
    public const string Users = "users";
    public const string Integrations = "integrations";
    public const string CustomerAccounts = "customer-accounts";
    public const string SupportAgents = "support-agents";
    public const string AuditTrail = "audit-trail";
    public const string MyAccount = "my-account";

    public static string? For(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "/")
        {
            return Dashboard;
        }

        if (path.StartsWith("/postes", StringComparison.Ordinal))
        {
            return Extensions;
        }

        if (path.StartsWith("/utilisateurs", StringComparison.Ordinal))
        {
            return Users;
        }

        if (path.StartsWith("/integrations", StringComparison.Ordinal))
        {
            return Integrations;
        }

        if (path.StartsWith("/mon-compte", StringComparison.Ordinal))
        {
            return MyAccount;
        }

        if (path.StartsWith("/support/comptes", StringComparison.Ordinal))
        {
            return CustomerAccounts;
        }

        if (path.StartsWith("/support/agents", StringComparison.Ordinal))
        {
            return SupportAgents;
        }

        if (path.StartsWith("/support/tableau-de-bord", StringComparison.Ordinal))
        {
            return SupportDashboard;
        }

        if (path.StartsWith("/support/journal", StringComparison.Ordinal))
        {
            return AuditTrail;
        }

        if (path.StartsWith("/support", StringComparison.Ordinal))
        {
            return Support;
        }

        if (path.StartsWith("/portage/statut", StringComparison.Ordinal) || RequestPage().IsMatch(path))
        {
            return Status;
        }

        return path == "/portage" || path.StartsWith("/portage/", StringComparison.Ordinal) ? Porting : null;
    }

    /// <summary>A request's own page and its mandate belong to the status tab; its wizard steps to the porting tab.</summary>
    [GeneratedRegex("^/portage/[0-9a-fA-F-]{36}(/mandat\\.pdf)?$")]
    private static partial Regex RequestPage();
}
