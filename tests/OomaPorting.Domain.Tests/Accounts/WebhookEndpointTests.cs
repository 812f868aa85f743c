using System.Net;
using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Common;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Accounts;

public class WebhookEndpointTests
{
    private static readonly Guid AccountId = Guid.NewGuid();
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private static WebhookEndpoint NewEndpoint(WebhookEvents events = WebhookEvents.All) =>
        WebhookEndpoint.Register(AccountId, " https://erp.example.com/hooks/ooma ", events, Admin, 0, allowLocal: false, Now).Endpoint;

    [Fact]
    public void A_new_endpoint_has_a_fresh_secret_shown_once_and_only_its_hint_kept_in_clear()
    {
        var (endpoint, secret) = WebhookEndpoint.Register(AccountId, "https://erp.example.com/hooks", WebhookEvents.FocSet, Admin, 0, false, Now);
        var (_, other) = WebhookEndpoint.Register(AccountId, "https://erp.example.com/hooks", WebhookEvents.FocSet, Admin, 0, false, Now);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.True(secret.Length >= 48);
        Assert.NotEqual(secret, other);
        Assert.Equal(secret[..10] + "…", endpoint.SecretHint);
        Assert.Equal(string.Empty, endpoint.SecretCipher);
        endpoint.KeepSecret("cipher");
        Assert.Throws<InvalidOperationException>(() => endpoint.KeepSecret("another"));
        Assert.Equal("https://erp.example.com/hooks", endpoint.Url);
        Assert.True(endpoint.IsEnabled);
    }

    [Theory]
    [InlineData(null, "Webhook.Url.Required")]
    [InlineData("   ", "Webhook.Url.Required")]
    [InlineData("erp.example.com/hooks", "Webhook.Url.Invalid")]
    [InlineData("ftp://erp.example.com/hooks", "Webhook.Url.Invalid")]
    [InlineData("https://erp.example.com/hooks#part", "Webhook.Url.Invalid")]
    [InlineData("https://erp.example.com/a b", "Webhook.Url.Invalid")]
    [InlineData("https://erp.example.com/\u202Ehooks", "Webhook.Url.Invalid")]
    [InlineData("http://erp.example.com/hooks", "Webhook.Url.NotHttps")]
    [InlineData("https://user:pass@erp.example.com/hooks", "Webhook.Url.Credentials")]
    [InlineData("https://localhost/hooks", "Webhook.Url.Private")]
    [InlineData("https://intranet/hooks", "Webhook.Url.Private")]
    [InlineData("https://erp.corp.internal/hooks", "Webhook.Url.Private")]
    [InlineData("https://127.0.0.1/hooks", "Webhook.Url.Private")]
    [InlineData("https://10.1.2.3/hooks", "Webhook.Url.Private")]
    [InlineData("https://172.20.0.1/hooks", "Webhook.Url.Private")]
    [InlineData("https://192.168.1.10:8443/hooks", "Webhook.Url.Private")]
    [InlineData("https://169.254.169.254/latest/meta-data", "Webhook.Url.Private")]
    [InlineData("https://[::1]/hooks", "Webhook.Url.Private")]
    [InlineData("https://[fd00::1]/hooks", "Webhook.Url.Private")]
    [InlineData("https://[::ffff:10.0.0.1]/hooks", "Webhook.Url.Private")]
    [InlineData("https://0x7f000001/hooks", "Webhook.Url.Private")]
    [InlineData("https://127.0.0.1.:5391/", "Webhook.Url.Private")]
    [InlineData("https://10.1.2.3./hooks", "Webhook.Url.Private")]
    [InlineData("https://127.1/hooks", "Webhook.Url.Private")]
    [InlineData("https://2130706433/hooks", "Webhook.Url.Private")]
    [InlineData("https://0177.0.0.1/hooks", "Webhook.Url.Private")]
    [InlineData("https://[::ffff:7f00:1]/hooks", "Webhook.Url.Private")]
    [InlineData("https://localhost./hooks", "Webhook.Url.Private")]
    [InlineData("https://erp.corp.internal./hooks", "Webhook.Url.Private")]
    [InlineData("https://erp.example.com/hooks", null)]
    [InlineData("https://93.184.216.34:8443/ooma?account=42", null)]
    [InlineData("https://[2606:4700::1111]/hooks", null)]
    public void An_address_must_be_https_on_a_public_server(string? url, string? problem) =>
        Assert.Equal(problem, WebhookEndpoint.CheckUrl(url, allowLocal: false));

    [Fact]
    public void A_developer_machine_may_use_plain_http_on_the_loopback_but_never_credentials()
    {
        Assert.Null(WebhookEndpoint.CheckUrl("http://127.0.0.1:5005/hooks", allowLocal: true));
        Assert.Null(WebhookEndpoint.CheckUrl("http://localhost:5005/hooks", allowLocal: true));
        Assert.Equal("Webhook.Url.Credentials", WebhookEndpoint.CheckUrl("http://a:b@localhost:5005/hooks", allowLocal: true));
        Assert.Equal("Webhook.Url.TooLong", WebhookEndpoint.CheckUrl("https://erp.example.com/" + new string('a', 500), allowLocal: true));
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("127.0.0.53", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::", false)]
    [InlineData("::ffff:192.168.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("64:ff9b::808:808", true)]
    [InlineData("::127.0.0.1", false)]
    public void Only_public_addresses_receive_deliveries(string address, bool isPublic) =>
        Assert.Equal(isPublic, WebhookAddress.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void Only_an_admin_of_the_account_registers_and_an_account_holds_ten_endpoints()
    {
        var refused = Assert.Throws<DomainException>(() => WebhookEndpoint.Register(AccountId, "https://erp.example.com/h", WebhookEvents.All, User, 0, false, Now));
        Assert.Equal("Webhook.NotAllowed", refused.Code);
        var support = Assert.Throws<DomainException>(() => WebhookEndpoint.Register(AccountId, "https://erp.example.com/h", WebhookEvents.All, Support, 0, false, Now));
        Assert.Equal("Webhook.NotAllowed", support.Code);
        var tooMany = Assert.Throws<DomainException>(() => WebhookEndpoint.Register(AccountId, "https://erp.example.com/h", WebhookEvents.All, Admin,
            WebhookEndpoint.MaxPerAccount, false, Now));
        Assert.Equal("Webhook.TooMany", tooMany.Code);
        var noEvents = Assert.Throws<DomainException>(() => WebhookEndpoint.Register(AccountId, "https://erp.example.com/h", WebhookEvents.None, Admin, 0, false, Now));
        Assert.Equal("Webhook.Events.Required", noEvents.Code);
        var unknown = Assert.Throws<DomainException>(() => WebhookEndpoint.Register(AccountId, "https://erp.example.com/h", (WebhookEvents)4096, Admin, 0, false, Now));
        Assert.Equal("Webhook.Events.Required", unknown.Code);
        var local = Assert.Throws<DomainException>(() => WebhookEndpoint.Register(AccountId, "https://10.0.0.1/h", WebhookEvents.All, Admin, 0, false, Now));
        Assert.Equal("Webhook.Url.Private", local.Code);
    }

    [Fact]
    public void An_endpoint_wants_only_the_events_it_picked_and_nothing_while_disabled()
    {
        var endpoint = NewEndpoint(WebhookEvents.FocSet | WebhookEvents.Completed);
        Assert.True(endpoint.Wants(WebhookEvents.FocSet));
        Assert.True(endpoint.Wants(WebhookEvents.Completed));
        Assert.False(endpoint.Wants(WebhookEvents.Cancelled));
        Assert.False(endpoint.Wants(WebhookEvents.None));
        endpoint.ChangeEvents(WebhookEvents.Cancelled, Admin);
        Assert.True(endpoint.Wants(WebhookEvents.Cancelled));
        Assert.False(endpoint.Wants(WebhookEvents.FocSet));
        endpoint.Disable(Admin, Now);
        Assert.False(endpoint.Wants(WebhookEvents.Cancelled));
        Assert.Equal("Admin", endpoint.DisabledReason);
        Assert.Equal("Webhook.AlreadyDisabled", Assert.Throws<DomainException>(() => endpoint.Disable(Admin, Now)).Code);
        endpoint.Enable(Admin);
        Assert.True(endpoint.Wants(WebhookEvents.Cancelled));
        Assert.Equal("Webhook.AlreadyEnabled", Assert.Throws<DomainException>(() => endpoint.Enable(Admin)).Code);
        Assert.Equal("Webhook.NotAllowed", Assert.Throws<DomainException>(() => endpoint.Disable(User, Now)).Code);
    }

    [Fact]
    public void Only_an_admin_sends_by_hand_and_only_to_an_enabled_endpoint()
    {
        var endpoint = NewEndpoint();
        endpoint.EnsureSendableBy(Admin);
        WebhookEndpoint.EnsureManagedBy(Admin);
        Assert.Equal("Webhook.NotAllowed", Assert.Throws<DomainException>(() => endpoint.EnsureSendableBy(User)).Code);
        Assert.Equal("Webhook.NotAllowed", Assert.Throws<DomainException>(() => WebhookEndpoint.EnsureManagedBy(Support)).Code);
        endpoint.Disable(Admin, Now);
        Assert.Equal("Webhook.Resend.Disabled", Assert.Throws<DomainException>(() => endpoint.EnsureSendableBy(Admin)).Code);
    }

    [Fact]
    public void A_day_of_failures_without_one_success_disables_the_endpoint_once()
    {
        var endpoint = NewEndpoint();
        Assert.False(endpoint.RecordFailure(Now, Day));
        Assert.False(endpoint.RecordFailure(Now.AddHours(23), Day));
        endpoint.RecordSuccess(Now.AddHours(23.5));
        Assert.Null(endpoint.FailingSinceUtc);

        // The day counts again from the first failure after the success.
        Assert.False(endpoint.RecordFailure(Now.AddHours(30), Day));
        Assert.False(endpoint.RecordFailure(Now.AddHours(53), Day));
        Assert.True(endpoint.RecordFailure(Now.AddHours(54), Day));
        Assert.False(endpoint.IsEnabled);
        Assert.Equal("Failures", endpoint.DisabledReason);
        Assert.False(endpoint.RecordFailure(Now.AddHours(55), Day));

        endpoint.Enable(Admin);
        Assert.Null(endpoint.FailingSinceUtc);
        Assert.False(endpoint.RecordFailure(Now.AddHours(56), Day));
    }

    [Fact]
    public void Every_event_has_one_stable_name()
    {
        var names = WebhookEventTypes.Each.Select(WebhookEventTypes.NameOf).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.StartsWith("port_request.", n, StringComparison.Ordinal));
        Assert.Equal(WebhookEvents.All, WebhookEventTypes.Each.Aggregate(WebhookEvents.None, (a, e) => a | e));
        Assert.Equal("port_request.foc_set", WebhookEventTypes.NameOf(WebhookEvents.FocSet));
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookEventTypes.NameOf(WebhookEvents.FocSet | WebhookEvents.Completed));
    }
}
