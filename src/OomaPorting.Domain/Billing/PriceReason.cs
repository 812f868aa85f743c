namespace OomaPorting.Domain.Billing;

public enum PriceReason
{
    FirstNumberOfUser = 0,
    IncludedInSubscription = 1,
    AdditionalNumber = 2,
    VirtualNumber = 3,
}
