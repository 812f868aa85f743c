using OomaPorting.Domain.Numbers;

namespace OomaPorting.Domain.Porting;

public enum PortLineStatus
{
    Pending = 0,
    Ported = 1,
    Cancelled = 2,
}
