using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;

namespace OomaPorting.Domain.Accounts;

public enum AccountNumberKind
{
    Temporary = 0,
    Ported = 1,
    Virtual = 2,
}
