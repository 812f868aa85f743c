using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;

namespace OomaPorting.Domain.Accounts;

/// <summary>A number of the account, possibly assigned to a user.</summary>
public sealed class AccountNumber
{
    internal AccountNumber(Guid id, Guid accountId, FrenchNumber number, AccountNumberKind kind, DateTime nowUtc)
    {
        Id = id;
        AccountId = accountId;
        Number = number;
        Kind = kind;
        AddedAtUtc = nowUtc;
    }

    private AccountNumber()
    {
        Number = null!;
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public FrenchNumber Number { get; private set; }

    public AccountNumberKind Kind { get; private set; }

    public string? AssignedUserId { get; private set; }

    public DateTime? AssignedAtUtc { get; private set; }

    public DateTime AddedAtUtc { get; private set; }

    internal void KeepAsVirtual() => Kind = AccountNumberKind.Virtual;

    internal void Unassign()
    {
        AssignedUserId = null;
        AssignedAtUtc = null;
    }

    internal void AssignTo(string userId, DateTime nowUtc)
    {
        AssignedUserId = DomainText.Clean(userId, "AccountNumber.User", 450);
        AssignedAtUtc = nowUtc;
    }
}
