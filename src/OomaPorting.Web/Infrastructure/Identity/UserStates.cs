namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>The one rule that tells a person's <see cref="UserState"/>; disabled wins over locked, locked over invited.</summary>
public static class UserStates
{
    public static UserState Of(bool isDisabled, DateTimeOffset? lockoutEnd, bool hasPassword, DateTimeOffset now) =>
        isDisabled ? UserState.Disabled : lockoutEnd > now ? UserState.Locked : hasPassword ? UserState.Active : UserState.Invited;
}
