using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;

namespace OomaPorting.Domain.Accounts;

/// <summary>An Ooma Office account: the tenant. Every port request, number and user belongs to one.</summary>
public sealed class Account
{
    private readonly List<AccountNumber> _numbers = [];

    private Account()
    {
        CompanyName = string.Empty;
        TemporaryNumber = null!;
    }

    public Guid Id { get; private set; }

    public string CompanyName { get; private set; }

    /// <summary>The number the account got when it opened, used until a ported number replaces it.</summary>
    public FrenchNumber TemporaryNumber { get; private set; }

    /// <summary>The account's default number: the temporary one until a port completes.</summary>
    public FrenchNumber? MainNumber { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public IReadOnlyList<AccountNumber> Numbers => _numbers;

    public FrenchNumber DefaultNumber => MainNumber ?? TemporaryNumber;

    public static Account Open(Guid id, string companyName, FrenchNumber temporaryNumber, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(temporaryNumber);
        var account = new Account
        {
            Id = id,
            CompanyName = DomainText.Clean(companyName, "Account.CompanyName", 200),
            TemporaryNumber = temporaryNumber,
            CreatedAtUtc = nowUtc,
        };
        account._numbers.Add(new AccountNumber(Guid.CreateVersion7(nowUtc), id, temporaryNumber, AccountNumberKind.Temporary, nowUtc));
        return account;
    }

    /// <summary>
    /// A completed port joins the account: its numbers are added, its chosen main number replaces the temporary one
    /// as the default, and the temporary number goes back to the pool unless the customer asked to keep it as virtual.
    /// </summary>
    public void ApplyCompletedPort(PortRequest request, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AccountId != Id || request.Status != PortRequestStatus.Completed)
        {
            throw new DomainException("Account.PortNotCompleted", "Only a completed port of this account joins it.");
        }

        if (request.Lines.Any(l => _numbers.Any(n => n.Number == l.Number)))
        {
            throw new DomainException("Account.PortAlreadyApplied", "These numbers are already on the account.");
        }

        foreach (var line in request.Lines)
        {
            _numbers.Add(new AccountNumber(Guid.CreateVersion7(nowUtc), Id, line.Number, AccountNumberKind.Ported, nowUtc));
        }

        if (request.MainOomaNumber is { } main)
        {
            MainNumber = main;
        }

        var temporary = _numbers.FirstOrDefault(n => n.Kind == AccountNumberKind.Temporary);
        if (temporary is not null)
        {
            if (request.KeepTemporaryNumber)
            {
                temporary.KeepAsVirtual();
            }
            else
            {
                _numbers.Remove(temporary);
            }
        }
    }

    /// <summary>Takes a number back from its user; it stays on the account, unassigned.</summary>
    public void UnassignNumber(FrenchNumber number)
    {
        var n = _numbers.FirstOrDefault(x => x.Number == number)
            ?? throw new DomainException("AccountNumber.NotFound", "This number is not on the account.");
        n.Unassign();
    }

    /// <summary>Assigns one of the account's numbers to a user; the user's first assigned number is free.</summary>
    public void AssignNumber(FrenchNumber number, string userId, DateTime nowUtc)
    {
        var n = _numbers.FirstOrDefault(x => x.Number == number)
            ?? throw new DomainException("AccountNumber.NotFound", "This number is not on the account.");
        n.AssignTo(userId, nowUtc);
    }
}

