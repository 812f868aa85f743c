using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Accounts;

public class AccountTests
{
    private static readonly FrenchNumber Temporary = FrenchNumber.Parse("09 72 10 20 30");

    private static (Account Account, PortRequest Request) CompletedPortOf(bool keepTemporary)
    {
        var request = CompleteDraft();
        var account = Account.Open(request.AccountId, "Boulangerie Martin", Temporary, Now);
        if (keepTemporary)
        {
            request.RequestKeepTemporaryNumber(Admin, accountHasTemporaryNumber: true, Now);
        }

        request.Submit(Admin, Signature("Jeanne Martin", true), Terms, "POR-2026-000001", Now);
        request.SetFocDate(Support, Foc, FrenchCalendar, Now);
        request.StartTestCall(Support, OnFocDay);
        request.RecordTestCallPassed(Support, OnFocDay);
        return (account, request);
    }

    [Fact]
    public void A_new_account_has_its_temporary_number_as_default()
    {
        var account = Account.Open(Guid.NewGuid(), "Cabinet Durand", Temporary, Now);
        Assert.Equal(Temporary, account.DefaultNumber);
        Assert.Equal(AccountNumberKind.Temporary, Assert.Single(account.Numbers).Kind);
    }

    [Fact]
    public void A_completed_port_adds_its_numbers_and_its_main_number_replaces_the_temporary_one()
    {
        var (account, request) = CompletedPortOf(keepTemporary: false);
        account.ApplyCompletedPort(request, OnFocDay);
        Assert.Equal(Main, account.DefaultNumber);
        Assert.Equal([Main, Second], account.Numbers.Select(n => n.Number));
        Assert.All(account.Numbers, n => Assert.Equal(AccountNumberKind.Ported, n.Kind));
        Assert.Equal("Account.PortAlreadyApplied", Assert.Throws<DomainException>(() => account.ApplyCompletedPort(request, OnFocDay)).Code);
    }

    [Fact]
    public void The_temporary_number_is_kept_as_virtual_when_asked()
    {
        var (account, request) = CompletedPortOf(keepTemporary: true);
        account.ApplyCompletedPort(request, OnFocDay);
        Assert.Equal(AccountNumberKind.Virtual, account.Numbers.Single(n => n.Number == Temporary).Kind);
        Assert.Equal(3, account.Numbers.Count);
    }

    [Fact]
    public void A_port_that_is_not_completed_does_not_join()
    {
        var request = InState(PortRequestStatus.FocConfirmed);
        var account = Account.Open(request.AccountId, "Boulangerie Martin", Temporary, Now);
        Assert.Equal("Account.PortNotCompleted", Assert.Throws<DomainException>(() => account.ApplyCompletedPort(request, Now)).Code);
        Assert.Single(account.Numbers);
    }
}
