using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.SupportAgents;

/// <summary>"Agents" (issue 13, part 1): a support administrator invites, disables and re-enables agents, audited.</summary>
public class SupportAgentsPageTests
{
    [Fact]
    public async Task An_invited_agent_gets_the_desks_wording_and_a_disabled_agent_is_out_at_once_until_enabled_again()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings());
        var lead = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent);

        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(lead, "/support/agents", "/support/agents/inviter",
            new Dictionary<string, string> { ["DisplayName"] = "Nina Morel", ["Email"] = "nina@ooma-office.test", ["IsAdmin"] = "true" })).StatusCode);
        var mail = Assert.Single(await smtp.DeliveredToAsync(factory, "nina@ooma-office.test"));
        Assert.Equal("Support Ooma vous invite au support du portail de portage Ooma Office", mail.Subject);
        Assert.Contains("double authentification (obligatoire pour le support)", mail.TextBody, StringComparison.Ordinal);
        Assert.NotEmpty(TestSmtpServer.LinkIn(mail));
        var row = (await (await lead.GetAsync("/support/agents")).ReadHtmlAsync()).QuerySelector("tr[data-user='nina@ooma-office.test']")!.TextContent;
        Assert.Contains("Administrateur du support", row, StringComparison.Ordinal);
        Assert.Contains("Invité", row, StringComparison.Ordinal);

        // Another agent, signed in, is disabled: out at once, refused at sign-in, back once enabled.
        var (agentId, _) = await TestPeople.AgentAsync(factory, "paul@ooma-office.test");
        var paul = await PortalClient.SignedInAsync(factory, "paul@ooma-office.test");
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(lead, "/support/agents", $"/support/agents/{agentId}/acces",
            new Dictionary<string, string> { ["Enabled"] = "false" })).StatusCode);
        Assert.Contains("/compte/connexion", (await paul.GetAsync("/support/portages")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PortalClient.SignInAsync(PortalClient.Anonymous(factory), "paul@ooma-office.test", DemoData.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(lead, "/support/agents", $"/support/agents/{agentId}/acces",
            new Dictionary<string, string> { ["Enabled"] = "true" })).StatusCode);
        await PortalClient.SignedInAsync(factory, "paul@ooma-office.test");

        // A customer's id is not an agent's (404); nobody disables themselves.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Users.Where(u => u.Email == DemoData.BoulangerieAdmin).Select(u => u.Id).SingleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await PortalClient.PostForgedAsync(lead, "/support/agents", $"/support/agents/{customer}/acces",
            new Dictionary<string, string> { ["Enabled"] = "false" })).StatusCode);
        var me = await db.Users.Where(u => u.Email == DemoData.SupportAgent).Select(u => u.Id).SingleAsync();
        var self = await PortalClient.PostForgedAsync(lead, "/support/agents", $"/support/agents/{me}/acces", new Dictionary<string, string> { ["Enabled"] = "false" });
        Assert.NotNull((await self.ReadHtmlAsync()).QuerySelector(".error-summary"));

        Assert.Equal([AuditActions.AgentInvited, AuditActions.AgentDisabled, AuditActions.AgentEnabled],
            await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.All(await db.AuditEntries.ToListAsync(), e => Assert.Null(e.AccountId));
    }
}
