namespace OomaPorting.Domain.Porting;

public enum NumberType
{
    Fixed = 0,
    Mobile = 1,
}
