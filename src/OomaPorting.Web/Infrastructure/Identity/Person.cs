namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>A person as the people pages list them: who, their role (admin or not), extension, state and second factor.</summary>
public sealed record Person(string Id, string Name, string Email, string? Extension, bool IsAdmin, UserState State, bool TwoFactor);
