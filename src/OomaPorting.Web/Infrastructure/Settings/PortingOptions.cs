namespace OomaPorting.Web.Infrastructure.Settings;

/// <summary>The <c>Porting</c> section: what the portal accepts.</summary>
public sealed class PortingOptions
{
    public const string Section = "Porting";

    /// <summary>Whether mobile numbers (06/07) may be ported in; they follow another regulatory process.</summary>
    public bool AcceptMobileNumbers { get; set; } = true;
}
