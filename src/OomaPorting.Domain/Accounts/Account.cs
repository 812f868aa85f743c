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

    /// <summary>The company name as searches compare it (<see cref="SearchText"/>): kept with the name, never typed.</summary>
    public string SearchName { get; private set; } = string.Empty;

    /// <summary>The number the account got when it opened, used until a ported number replaces it.</summary>
    public FrenchNumber TemporaryNumber { get; private set; }

    /// <summary>The account's default number: the temporary one until a port completes.</summary>
    public FrenchNumber? MainNumber { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The company's establishment number; null for accounts opened before it was asked.</summary>
    public Siret? Siret { get; private set; }

    /// <summary>A disabled account keeps its data, but none of its users can sign in.</summary>
    public bool IsDisabled { get; private set; }

    /// <summary>When set by an admin, every user of the account must sign in with a second factor.</summary>
    public bool RequiresTwoFactor { get; private set; }

    public IReadOnlyList<AccountNumber> Numbers => _numbers;

    public FrenchNumber DefaultNumber => MainNumber ?? TemporaryNumber;

    public const int MaxCompanyNameLength = 200;

    /// <summary>Why <paramref name="companyName"/> cannot name an account (<c>Account.CompanyName.Required</c>, <c>.TooLong</c>, <c>.Invalid</c>), or null.</summary>
    public static string? CheckCompanyName(string? companyName) =>
        DomainText.Problem(companyName, "Account.CompanyName", MaxCompanyNameLength) ?? DomainText.UnprintableProblem(companyName, "Account.CompanyName");

    /// <summary>
    /// Why <paramref name="input"/> cannot be an account's temporary number (the number codes of <see cref="FrenchNumber"/>,
    /// or <c>Account.TemporaryNumber.NotFixed</c> for a mobile or special number), or null.
    /// </summary>
    public static string? CheckTemporaryNumber(string? input)
    {
        if (!FrenchNumber.TryParse(input, out var number, out var code))
        {
            return code;
        }

        return number.IsPortableFixedLine ? null : "Account.TemporaryNumber.NotFixed";
    }

    public static Account Open(Guid id, string companyName, FrenchNumber temporaryNumber, DateTime nowUtc, Siret? siret = null)
    {
        ArgumentNullException.ThrowIfNull(temporaryNumber);
        var account = new Account
        {
            Id = id,
            CompanyName = DomainText.Clean(companyName, "Account.CompanyName", MaxCompanyNameLength),
            TemporaryNumber = temporaryNumber,
            CreatedAtUtc = nowUtc,
            Siret = siret,
        };
        account.RefreshSearchName();
        account._numbers.Add(new AccountNumber(Guid.CreateVersion7(nowUtc), id, temporaryNumber, AccountNumberKind.Temporary, nowUtc));
        return account;
    }

    /// <summary>
    /// Numbers of a request join the account when they are ported (all at once, or a part at a time when the test
    /// call passes for some and not others). When the request's chosen main number is among them, it replaces the
    /// temporary number as the default, and the temporary number goes back to the pool unless the customer asked to
    /// keep it as virtual; while the main number is not ported (refused, or failed its test call), the temporary
    /// number stays.
    /// </summary>
    public void AddPortedNumbers(PortRequest request, IReadOnlyCollection<PortLine> ported, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ported);
        if (request.AccountId != Id || ported.Any(l => l.PortRequestId != request.Id || l.Status != PortLineStatus.Ported))
        {
            throw new DomainException("Account.PortNotCompleted", "Only ported numbers of this account's requests join it.");
        }

        var onAccount = _numbers.Select(n => n.Number.E164).ToHashSet(StringComparer.Ordinal);
        if (ported.Any(l => onAccount.Contains(l.Number.E164)))
        {
            throw new DomainException("Account.PortAlreadyApplied", "These numbers are already on the account.");
        }

        foreach (var line in ported)
        {
            _numbers.Add(new AccountNumber(Guid.CreateVersion7(nowUtc), Id, line.Number, AccountNumberKind.Ported, nowUtc));
        }

        if (request.MainOomaNumber is not { } main || !ported.Any(l => l.Number == main))
        {
            return;
        }

        MainNumber = main;
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

    /// <summary>Recomputes <see cref="SearchName"/> from the company name (accounts stored before it existed get it this way).</summary>
    public void RefreshSearchName() => SearchName = SearchText.Normalize(CompanyName);

    /// <summary>Support closes the account's access: its users can no longer sign in; its ports, numbers and history stay.</summary>
    public void Disable() => IsDisabled = true;

    /// <summary>Support opens the account's access again (not a closed account's: <see cref="Reopen"/> first).</summary>
    public void Enable()
    {
        if (IsClosed)
        {
            throw new DomainException("Account.Closed", "A closed account is reopened before its access is given back.");
        }

        IsDisabled = false;
    }

    public const int MaxClosingReasonLength = 500;

    /// <summary>When support closed the account (the customer left); null while it is open.</summary>
    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>Why it was closed, in support's words.</summary>
    public string? ClosingReason { get; private set; }

    /// <summary>When the retention job erased its personal data (<see cref="ErasePersonalData"/>); then it never reopens.</summary>
    public DateTime? PersonalDataErasedAtUtc { get; private set; }

    public bool IsClosed => ClosedAtUtc is not null;

    /// <summary>Why <paramref name="reason"/> cannot be a closing reason (<c>Account.ClosingReason.Required</c>, <c>.TooLong</c>, <c>.InvalidCharacters</c>), or null.</summary>
    public static string? CheckClosingReason(string? reason) => DomainText.Problem(reason, "Account.ClosingReason", MaxClosingReasonLength);

    /// <summary>
    /// Support closes the account of a customer who left: nobody signs in any more, and its personal data are erased
    /// once the retention period has passed (<see cref="ErasePersonalData"/>). Refused while a request is under way: the
    /// desk finishes or cancels it first, so no port is left half done.
    /// </summary>
    public void Close(Actor actor, string? reason, int requestsUnderWay, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSupport)
        {
            throw new DomainException("Account.Close.NotAllowed", "Only the support desk closes an account.");
        }

        if (IsClosed)
        {
            throw new DomainException("Account.Closed", "This account is closed already.");
        }

        if (CheckClosingReason(reason) is { } problem)
        {
            throw new DomainException(problem, "A closing reason is required.");
        }

        if (requestsUnderWay > 0)
        {
            throw new DomainException("Account.Close.RequestsUnderWay", "An account with a port under way cannot be closed.");
        }

        ClosedAtUtc = nowUtc;
        ClosingReason = reason!.Trim();
        IsDisabled = true;
    }

    /// <summary>Support reopens a closed account (closed by mistake, the customer came back) until its data are erased; its access stays off until enabled.</summary>
    public void Reopen(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSupport)
        {
            throw new DomainException("Account.Close.NotAllowed", "Only the support desk reopens an account.");
        }

        if (!IsClosed)
        {
            throw new DomainException("Account.NotClosed", "This account is not closed.");
        }

        if (PersonalDataErasedAtUtc is not null)
        {
            throw new DomainException("Account.Erased", "The data of this account are erased: it cannot be reopened.");
        }

        ClosedAtUtc = null;
        ClosingReason = null;
    }

    /// <summary>When a closed account's personal data are due for erasure, <paramref name="months"/> after it closed.</summary>
    public DateTime? ErasureDueAt(int months) => ClosedAtUtc?.AddMonths(months);

    /// <summary>
    /// Erases what names the company and its people on the account itself: the company name (replaced by a neutral
    /// label), its search form, the SIRET (a sole trader's SIRET names a person) and the closing reason. Its numbers,
    /// dates and requests' references stay for the statistics. Once only; only for a closed account.
    /// </summary>
    public bool ErasePersonalData(DateTime nowUtc)
    {
        if (!IsClosed)
        {
            throw new DomainException("Account.NotClosed", "Only a closed account's data are erased.");
        }

        if (PersonalDataErasedAtUtc is not null)
        {
            return false;
        }

        CompanyName = ErasedCompanyName;
        RefreshSearchName();
        Siret = null;
        ClosingReason = null;
        PersonalDataErasedAtUtc = nowUtc;
        return true;
    }

    /// <summary>What an erased account is called on every page.</summary>
    public const string ErasedCompanyName = "—";

    public const string AdminWithoutTwoFactor = "Account.TwoFactor.AdminFirst";

    /// <summary>
    /// An admin requires (or stops requiring) a second factor for every user. To require it, the admin must use one
    /// already: otherwise the requirement would lock them out at their next sign-in.
    /// </summary>
    public void RequireTwoFactor(bool required, bool adminUsesTwoFactor)
    {
        if (required && !adminUsesTwoFactor)
        {
            throw new DomainException(AdminWithoutTwoFactor, "Set up two-factor sign-in for yourself before requiring it.");
        }

        RequiresTwoFactor = required;
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

