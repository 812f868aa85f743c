namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>Where a person stands: invited (no password yet), active, disabled, or locked for a while after wrong attempts.</summary>
public enum UserState
{
    Invited,
    Active,
    Disabled,
    Locked,
}
