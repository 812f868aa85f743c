namespace OomaPorting.Domain.Porting;

/// <summary>For ADSL/VDSL: does the internet share the copper line of the number being ported?</summary>
public enum SharedLineAnswer
{
    No = 0,
    Yes = 1,
    DontKnow = 2,
}
