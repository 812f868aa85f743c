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
        if (request.AwaitsDocumentsCheck)
        {
            request.CheckDocuments(Support, Now);
        }

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
        account.AddPortedNumbers(request, request.Lines, OnFocDay);
        Assert.Equal(Main, account.DefaultNumber);
        Assert.Equal([Main, Second], account.Numbers.Select(n => n.Number));
        Assert.All(account.Numbers, n => Assert.Equal(AccountNumberKind.Ported, n.Kind));
        Assert.Equal("Account.PortAlreadyApplied", Assert.Throws<DomainException>(() => account.AddPortedNumbers(request, request.Lines, OnFocDay)).Code);
    }

    [Fact]
    public void The_temporary_number_is_kept_as_virtual_when_asked()
    {
        var (account, request) = CompletedPortOf(keepTemporary: true);
        account.AddPortedNumbers(request, request.Lines, OnFocDay);
        Assert.Equal(AccountNumberKind.Virtual, account.Numbers.Single(n => n.Number == Temporary).Kind);
        Assert.Equal(3, account.Numbers.Count);
    }

    [Fact]
    public void A_port_that_is_not_completed_does_not_join()
    {
        var request = InState(PortRequestStatus.FocConfirmed);
        var account = Account.Open(request.AccountId, "Boulangerie Martin", Temporary, Now);
        Assert.Equal("Account.PortNotCompleted", Assert.Throws<DomainException>(() => account.AddPortedNumbers(request, request.Lines, Now)).Code);
        Assert.Single(account.Numbers);
    }

    [Fact]
    public void An_account_opens_with_its_siret_and_a_disabled_one_can_be_enabled_again_with_its_numbers()
    {
        var account = Account.Open(Guid.NewGuid(), "  Garage Lemoine ", Temporary, Now, Siret.Parse("732 829 320 00074"));
        Assert.Equal("Garage Lemoine", account.CompanyName);
        Assert.Equal("73282932000074", account.Siret!.Value);
        account.Disable();
        Assert.True(account.IsDisabled);
        Assert.Single(account.Numbers);
        account.Enable();
        Assert.False(account.IsDisabled);
    }

    [Theory]
    [InlineData("09 72 10 20 30", null)]
    [InlineData("01 42 60 30 11", null)]
    [InlineData("06 12 34 56 78", "Account.TemporaryNumber.NotFixed")]
    [InlineData("08 00 12 34 56", "Account.TemporaryNumber.NotFixed")]
    [InlineData("", "Number.Required")]
    [InlineData("12 34", "Number.Invalid")]
    public void The_temporary_number_is_a_fixed_line(string input, string? problem) =>
        Assert.Equal(problem, Account.CheckTemporaryNumber(input));

    [Theory]
    [InlineData("Fleurs Dubois", null)]
    [InlineData("   ", "Account.CompanyName.Required")]
    [InlineData("Fleurs\u200bDubois", "Account.CompanyName.InvalidCharacters")]
    public void A_company_name_is_required_and_plain(string input, string? problem) =>
        Assert.Equal(problem, Account.CheckCompanyName(System.Text.RegularExpressions.Regex.Unescape(input)));

    [Fact]
    public void An_admin_requires_two_factor_only_once_using_it_and_may_stop_requiring_it()
    {
        var account = Account.Open(Guid.NewGuid(), "Cabinet Durand", Temporary, Now);
        Assert.Equal(Account.AdminWithoutTwoFactor, Assert.Throws<DomainException>(() => account.RequireTwoFactor(true, adminUsesTwoFactor: false)).Code);
        Assert.False(account.RequiresTwoFactor);
        account.RequireTwoFactor(true, adminUsesTwoFactor: true);
        Assert.True(account.RequiresTwoFactor);
        account.RequireTwoFactor(false, adminUsesTwoFactor: false);
        Assert.False(account.RequiresTwoFactor);
    }
}
