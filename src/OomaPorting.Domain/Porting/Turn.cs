namespace OomaPorting.Domain.Porting;

/// <summary>Whose move a request waits for.</summary>
public enum Turn
{
    Nobody = 0,
    Customer = 1,
    Carrier = 2,
    Support = 3,
}
