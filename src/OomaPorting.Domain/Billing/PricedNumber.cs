namespace OomaPorting.Domain.Billing;

public sealed record PricedNumber(string Number, string? AssignedUserId, decimal MonthlyPriceEur, PriceReason Reason);
