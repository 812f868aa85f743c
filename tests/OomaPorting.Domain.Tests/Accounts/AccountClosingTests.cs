using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Accounts;

public class AccountClosingTests
{
    private static Account NewAccount() =>
        Account.Open(Guid.NewGuid(), "Cabinet Lefèvre", FrenchNumber.Parse("09 72 10 20 30"), Now, Siret.Parse("73282932000074"));

    private static string CodeOf(Action action) => Assert.Throws<DomainException>(action).Code;

    [Fact]
    public void Support_closes_an_account_with_no_port_under_way_and_nobody_signs_in_any_more()
    {
        var account = NewAccount();
        account.Close(Support, "  Client parti chez un autre opérateur. ", requestsUnderWay: 0, Now);
        Assert.True(account.IsClosed);
        Assert.True(account.IsDisabled);
        Assert.Equal(Now, account.ClosedAtUtc);
        Assert.Equal("Client parti chez un autre opérateur.", account.ClosingReason);
        Assert.Equal(Now.AddMonths(13), account.ErasureDueAt(13));
    }

    [Fact]
    public void Closing_is_refused_to_customers_without_a_reason_twice_or_with_a_port_under_way()
    {
        Assert.Equal("Account.Close.NotAllowed", CodeOf(() => NewAccount().Close(Admin, "Parti.", 0, Now)));
        Assert.Equal("Account.Close.NotAllowed", CodeOf(() => NewAccount().Close(User, "Parti.", 0, Now)));
        Assert.Equal("Account.ClosingReason.Required", CodeOf(() => NewAccount().Close(Support, "  ", 0, Now)));
        Assert.Equal("Account.ClosingReason.TooLong", CodeOf(() => NewAccount().Close(Support, new string('x', 501), 0, Now)));
        var busy = NewAccount();
        Assert.Equal("Account.Close.RequestsUnderWay", CodeOf(() => busy.Close(Support, "Parti.", 1, Now)));
        Assert.False(busy.IsClosed);
        Assert.False(busy.IsDisabled);
        var closed = NewAccount();
        closed.Close(Support, "Parti.", 0, Now);
        Assert.Equal("Account.Closed", CodeOf(() => closed.Close(Support, "Encore.", 0, Now)));
    }

    [Fact]
    public void A_closed_account_gets_its_access_back_only_once_reopened()
    {
        var account = NewAccount();
        account.Close(Support, "Fermé par erreur.", 0, Now);
        Assert.Equal("Account.Closed", CodeOf(account.Enable));
        Assert.Equal("Account.Close.NotAllowed", CodeOf(() => account.Reopen(Admin)));
        account.Reopen(Support);
        Assert.False(account.IsClosed);
        Assert.Null(account.ClosingReason);
        Assert.True(account.IsDisabled); // reopening does not let anyone in by itself
        account.Enable();
        Assert.False(account.IsDisabled);
        Assert.Equal("Account.NotClosed", CodeOf(() => account.Reopen(Support)));
    }

    [Fact]
    public void Erasure_removes_the_name_siret_and_reason_keeps_numbers_and_dates_and_forbids_reopening()
    {
        var account = NewAccount();
        Assert.Equal("Account.NotClosed", CodeOf(() => account.ErasePersonalData(Now)));
        account.Close(Support, "Parti.", 0, Now);
        var later = Now.AddMonths(13);
        Assert.True(account.ErasePersonalData(later));
        Assert.Equal(Account.ErasedCompanyName, account.CompanyName);
        Assert.DoesNotContain("lefevre", account.SearchName, StringComparison.Ordinal);
        Assert.Null(account.Siret);
        Assert.Null(account.ClosingReason);
        Assert.Equal(later, account.PersonalDataErasedAtUtc);
        Assert.Equal("09 72 10 20 30", account.TemporaryNumber.Display);
        Assert.Equal(Now, account.CreatedAtUtc);
        Assert.False(account.ErasePersonalData(later.AddDays(1))); // once
        Assert.Equal("Account.Erased", CodeOf(() => account.Reopen(Support)));
    }
}
