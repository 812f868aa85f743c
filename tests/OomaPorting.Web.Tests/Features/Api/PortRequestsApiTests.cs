using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Api;

/// <summary><c>/api/v1/port-requests</c>: an account's requests read, paged, cancelled and written to through its key, as its pages show them.</summary>
[Collection(ApiPortal.Name)]
public class PortRequestsApiTests(SharedPortal portal)
{
    private readonly PortalFactory factory = portal.Factory;

    private static readonly Actor Admin = new("api-seed", ActorRole.AccountAdmin, "Admin");
    private static readonly Actor Support = new("api-support", ActorRole.Support, "Support");
    private static int _seq;

    /// <summary>A fresh account with <paramref name="count"/> FOC-dated requests created an hour apart, newest last, and a read-write key.</summary>
    private async Task<(Guid AccountId, string Key, List<Guid> Ids)> AccountWithRequestsAsync(int count)
    {
        var (accountId, _) = await TestPeople.AccountAsync(factory, $"API {Interlocked.Increment(ref _seq)}");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = new List<Guid>();
        var start = DateTime.UtcNow.AddDays(-3);
        for (var i = 0; i < count; i++)
        {
            var n = Interlocked.Increment(ref _seq);
            var created = start.AddHours(i);
            var r = new PortRequestBuilder(accountId, Admin, created)
                .CarrierAccount("FT-0000").Lines(($"04 72 {n / 100 % 100:D2} {n % 100:D2} 31", "F0A000000")).Address("1 rue", "69001", "Lyon").Holder("A", "B")
                .MainNumber($"04 72 {n / 100 % 100:D2} {n % 100:D2} 31", accountHasOwnMainNumber: true)
                .FocConfirmed($"POR-2096-{n:D6}", Support, BusinessCalendar.France.AddWorkingDays(DateOnly.FromDateTime(DateTime.UtcNow), 10),
                    BusinessCalendar.France, created.AddMinutes(5));
            db.PortRequests.Add(r);
            ids.Add(r.Id);
        }

        await db.SaveChangesAsync();
        return (accountId, await ApiClients.KeyAsync(factory, accountId), ids);
    }

    [Fact]
    public async Task The_list_pages_newest_first_with_a_cursor_and_filters_by_status()
    {
        var (accountId, key, ids) = await AccountWithRequestsAsync(7);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.PortRequests.Add(new PortRequestBuilder(accountId, Admin, DateTime.UtcNow).Draft());
            await db.SaveChangesAsync();
        }

        var api = ApiClients.For(factory, key);
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var response = await api.GetAsync($"/api/v1/port-requests?status=focConfirmed&limit=3{(cursor is null ? string.Empty : "&cursor=" + cursor)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.JsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal("focConfirmed", i.GetProperty("status").GetString()));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(ids.AsEnumerable().Reverse().Select(i => i.ToString()), seen);

        var all = await (await api.GetAsync("/api/v1/port-requests")).JsonAsync();
        var first = all.GetProperty("items")[0];
        Assert.Equal(8, all.GetProperty("items").GetArrayLength());
        Assert.Equal("draft", first.GetProperty("status").GetString());
        Assert.Equal("customer", first.GetProperty("whoseTurn").GetString());
        var drafts = await (await api.GetAsync("/api/v1/port-requests?status=draft,cancelled")).JsonAsync();
        Assert.Equal(1, drafts.GetProperty("items").GetArrayLength());
        var reference = (await (await api.GetAsync($"/api/v1/port-requests/{ids[2]}")).JsonAsync()).GetProperty("reference").GetString()!;
        var byReference = await (await api.GetAsync($"/api/v1/port-requests?reference={reference.ToLowerInvariant()}")).JsonAsync();
        Assert.Equal(ids[2].ToString(), Assert.Single(byReference.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("status=shipped", "status", "Api.Status")]
    [InlineData("status=1", "status", "Api.Status")]
    [InlineData("status=draft,submitted,draft,submitted,draft,submitted,draft,submitted,draft,submitted,draft,submitted,draft,submitted,draft,submitted,draft,submitted,draft,submitted,draft", "status", "Api.Status.TooMany")]
    [InlineData("limit=0", "limit", "Api.Limit")]
    [InlineData("limit=201", "limit", "Api.Limit")]
    [InlineData("cursor=not-a-cursor", "cursor", "Api.Cursor")]
    [InlineData("limit=abc", "limit", "Api.Malformed")]
    public async Task A_bad_list_parameter_is_a_400_naming_it(string query, string field, string code)
    {
        var key = await ApiClients.KeyAsync(factory, "Boulangerie Martin", ApiKeyRole.Read);
        var response = await ApiClients.For(factory, key).GetAsync("/api/v1/port-requests?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single((await response.JsonAsync()).GetProperty("errors").EnumerateArray());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        if (code == "Api.Status.TooMany")
        {
            Assert.Contains("20", error.GetProperty("message").GetString(), StringComparison.Ordinal); // says the limit, not "unknown status"
        }
    }

    [Fact]
    public async Task One_request_shows_what_its_page_shows_and_another_accounts_is_a_404()
    {
        var martin = ApiClients.For(factory, await ApiClients.KeyAsync(factory, "Boulangerie Martin", ApiKeyRole.Read));
        Guid id;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            id = await db.PortRequests.IgnoreQueryFilters().Where(r => r.Status == PortRequestStatus.FocConfirmed && r.Reference!.StartsWith("POR-2026"))
                .Join(db.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == "Boulangerie Martin"), r => r.AccountId, a => a.Id, (r, _) => r.Id).FirstAsync();
        }

        var response = await martin.GetAsync($"/api/v1/port-requests/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var r = await response.JsonAsync();
        Assert.Equal($"\"{r.GetProperty("version").GetInt32()}\"", response.Headers.ETag!.Tag);
        Assert.Equal("focConfirmed", r.GetProperty("status").GetString());
        Assert.Equal("carrier", r.GetProperty("whoseTurn").GetString());
        Assert.StartsWith("+33", r.GetProperty("numbers")[0].GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.True(r.GetProperty("numbers")[0].GetProperty("main").GetBoolean());
        Assert.Equal(["submitted", "focDate", "testCall", "completed"], r.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("key").GetString()));
        Assert.Contains(r.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "focDateSet");
        Assert.DoesNotContain(r.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "assignmentChanged");
        Assert.Equal($"/api/v1/port-requests/{id}/mandate.pdf", r.GetProperty("links").GetProperty("mandate").GetString());

        var pdf = await martin.GetAsync($"/api/v1/port-requests/{id}/mandate.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]), StringComparison.Ordinal);
        var ics = await martin.GetAsync($"/api/v1/port-requests/{id}/foc.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR", await ics.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var durand = ApiClients.For(factory, await ApiClients.KeyAsync(factory, "Cabinet Durand"));
        foreach (var path in new[] { $"/api/v1/port-requests/{id}", $"/api/v1/port-requests/{id}/mandate.pdf", $"/api/v1/port-requests/{id}/foc.ics" })
        {
            var other = await durand.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
            Assert.Equal("Api.NotFound", (await other.JsonAsync()).GetProperty("code").GetString());
        }

        var cancel = await durand.PostJsonAsync($"/api/v1/port-requests/{id}/cancel", new { reason = "x" });
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await durand.PostJsonAsync($"/api/v1/port-requests/{id}/messages", new { body = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await durand.GetAsync($"/api/v1/port-requests/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_draft_change_with_a_stale_if_match_changes_nothing_and_with_the_etag_applies()
    {
        var api = ApiClients.For(factory, await ApiClients.KeyAsync(factory, "Boulangerie Martin"));
        var created = await api.PostJsonAsync("/api/v1/port-requests", new { numberType = "fixed" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        var etag = created.Headers.ETag!.Tag;

        // Someone else changed it since: the first caller's change is refused whole.
        Assert.Equal(HttpStatusCode.OK, (await api.PostJsonAsync($"/api/v1/port-requests/{id}/draft", new { carrier = new { code = "F0" } })).StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/port-requests/{id}/draft")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { carrier = new { code = "F1" } }),
        };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var refused = await api.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("Api.ModifiedMeanwhile", (await refused.JsonAsync()).GetProperty("code").GetString());
        var now = await api.GetAsync($"/api/v1/port-requests/{id}");
        Assert.Equal("F0", (await now.JsonAsync()).GetProperty("carrier").GetProperty("code").GetString());

        var fresh = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/port-requests/{id}/draft")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { carrier = new { code = "F1" } }),
        };
        fresh.Headers.IfMatch.Add(new EntityTagHeaderValue(now.Headers.ETag!.Tag));
        var applied = await api.SendAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal("F1", (await applied.JsonAsync()).GetProperty("carrier").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_cancel_with_a_stale_if_match_changes_nothing_and_with_the_etag_cancels()
    {
        var (_, key, ids) = await AccountWithRequestsAsync(1);
        var api = ApiClients.For(factory, key);
        var path = $"/api/v1/port-requests/{ids[0]}";
        var read = await api.GetAsync(path);
        var etag = read.Headers.ETag!.Tag;

        var stale = new HttpRequestMessage(HttpMethod.Post, path + "/cancel") { Content = System.Net.Http.Json.JsonContent.Create(new { reason = "Doublon" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"999\""));
        var refused = await api.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("Api.ModifiedMeanwhile", (await refused.JsonAsync()).GetProperty("code").GetString());

        var malformed = new HttpRequestMessage(HttpMethod.Post, path + "/cancel") { Content = System.Net.Http.Json.JsonContent.Create(new { reason = "Doublon" }) };
        malformed.Headers.TryAddWithoutValidation("If-Match", "version-7");
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync(malformed)).StatusCode);

        // The right version as a weak tag: If-Match compares strongly (RFC 9110), so it never matches.
        var weak = new HttpRequestMessage(HttpMethod.Post, path + "/cancel") { Content = System.Net.Http.Json.JsonContent.Create(new { reason = "Doublon" }) };
        weak.Headers.IfMatch.Add(new EntityTagHeaderValue(etag, isWeak: true));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await api.SendAsync(weak)).StatusCode);
        Assert.Equal("focConfirmed", (await (await api.GetAsync(path)).JsonAsync()).GetProperty("status").GetString());

        var cancel = new HttpRequestMessage(HttpMethod.Post, path + "/cancel") { Content = System.Net.Http.Json.JsonContent.Create(new { reason = "Doublon" }) };
        cancel.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var done = await api.SendAsync(cancel);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var body = await done.JsonAsync();
        Assert.Equal("cancelled", body.GetProperty("status").GetString());
        Assert.NotEqual(etag, done.Headers.ETag!.Tag);
        Assert.Contains(body.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "cancelled");

        // The domain refuses a second cancellation with its own code.
        var again = await api.PostJsonAsync(path + "/cancel", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var problem = await again.JsonAsync();
        Assert.Equal("PortRequest.InvalidTransition", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var saved = await db.PortRequests.IgnoreQueryFilters().Include(r => r.Events).SingleAsync(r => r.Id == ids[0]);
        Assert.Equal(PortRequestStatus.Cancelled, saved.Status);
        Assert.Equal("API · ERP", saved.Events.Single(e => e.Kind == PortRequestEventKind.Cancelled).ActorName);
    }

    [Fact]
    public async Task A_message_posted_through_the_api_reaches_the_thread_and_bad_bodies_are_400s()
    {
        var (_, key, ids) = await AccountWithRequestsAsync(1);
        var api = ApiClients.For(factory, key);
        var path = $"/api/v1/port-requests/{ids[0]}/messages";
        var posted = await api.PostJsonAsync(path, new { body = "Pouvez-vous avancer la date ?" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var message = await posted.JsonAsync();
        Assert.Equal("customer", message.GetProperty("from").GetString());
        var thread = await (await api.GetAsync($"/api/v1/port-requests/{ids[0]}")).JsonAsync();
        Assert.Contains(thread.GetProperty("messages").EnumerateArray(), m => m.GetProperty("body").GetString() == "Pouvez-vous avancer la date ?");

        var empty = await api.PostJsonAsync(path, new { body = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var error = Assert.Single((await empty.JsonAsync()).GetProperty("errors").EnumerateArray());
        Assert.Equal("body", error.GetProperty("field").GetString());
        Assert.Equal("Message.Required", error.GetProperty("code").GetString());

        foreach (var bad in new[] { "{\"body\": ", "{\"body\": 12}", "{\"body\": \"x\", \"internal\": true}", "[1,2]", "\"just a string\"" })
        {
            var response = await api.PostJsonAsync(path, bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("Api.Malformed", (await response.JsonAsync()).GetProperty("code").GetString());
        }

        var huge = await api.PostJsonAsync(path, JsonSerializer.Serialize(new { body = new string('a', 2_000_000) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("Api.TooLarge", (await huge.JsonAsync()).GetProperty("code").GetString());

        var form = await api.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["body"] = "x" }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.PortRequestMessages.IgnoreQueryFilters().CountAsync(m => m.PortRequestId == ids[0]));
    }

    [Theory]
    [InlineData("01 45 00 00 00", "portableFixed", "+33145000000")]
    [InlineData("+33 6 12 34 56 78", "portableMobile", "+33612345678")]
    [InlineData("0836 65 65 65", "specialNumber", "+33836656565")]
    public async Task The_portability_check_answers_from_the_number(string number, string verdict, string e164)
    {
        var api = ApiClients.For(factory, await ApiClients.KeyAsync(factory, "Boulangerie Martin", ApiKeyRole.Read));
        var answer = await (await api.GetAsync("/api/v1/numbers/portability?number=" + Uri.EscapeDataString(number))).JsonAsync();
        Assert.Equal(verdict, answer.GetProperty("verdict").GetString());
        Assert.Equal(e164, answer.GetProperty("number").GetString());

        var bad = await api.GetAsync("/api/v1/numbers/portability?number=01%2045");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("number", (await bad.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unknown_api_address_or_method_answers_problem_details_never_a_page()
    {
        var api = ApiClients.For(factory, await ApiClients.KeyAsync(factory, "Boulangerie Martin", ApiKeyRole.Read));
        var missing = await api.GetAsync("/api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var delete = await api.DeleteAsync("/api/v1/port-requests");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal("Api.MethodNotAllowed", (await delete.JsonAsync()).GetProperty("code").GetString());
    }
}
