using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Common;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Accounts;

public class AccountDataRequestTests
{
    [Fact]
    public void An_admin_asks_when_no_archive_is_being_made()
    {
        AccountDataRequest.EnsureMayAsk(Admin, oneBeingMade: false);
    }

    [Fact]
    public void Users_and_support_never_ask_for_an_account_s_data()
    {
        Assert.Equal("Export.NotAllowed", Assert.Throws<DomainException>(() => AccountDataRequest.EnsureMayAsk(User, false)).Code);
        Assert.Equal("Export.NotAllowed", Assert.Throws<DomainException>(() => AccountDataRequest.EnsureMayAsk(Support, false)).Code);
    }

    [Fact]
    public void A_second_archive_waits_for_the_first()
    {
        Assert.Equal("Export.Running", Assert.Throws<DomainException>(() => AccountDataRequest.EnsureMayAsk(Admin, oneBeingMade: true)).Code);
    }

    [Fact]
    public void A_finished_archive_is_offered_for_seven_days()
    {
        var ready = new DateTime(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc), AccountDataRequest.ExpiresAt(ready));
    }
}
