namespace OomaPorting.Domain.Porting;

/// <summary>The customer's internet connection, asked because ADSL on the ported line can be cut by the port.</summary>
public enum InternetConnection
{
    Fibre = 0,
    AdslVdsl = 1,
    Cable = 2,
    Mobile4G5G = 3,
    Satellite = 4,
    Other = 5,
}
