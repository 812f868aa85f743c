namespace OomaPorting.Domain.Billing;

/// <summary>One number of the account, as pricing sees it.</summary>
/// <param name="Number">The number, as displayed.</param>
/// <param name="AssignedUserId">The user it is assigned to, or null for an unassigned or virtual number.</param>
/// <param name="AssignedOrder">Order of assignment: the user's earliest assigned number is the free one.</param>
/// <param name="IsAccountMainNumber">The account's default number, included in the subscription when no user has it.</param>
public sealed record PricedNumberInput(string Number, string? AssignedUserId, long AssignedOrder, bool IsAccountMainNumber);
