using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Api;

/// <summary>A whole port through the API alone: a draft in one call (or step by step), its bill, the signature code, submitted, followed, cancelled.</summary>
[Collection(ApiPortal.Name)]
public class ApiPortJourneyTests(SharedPortal portal)
{
    private readonly PortalFactory factory = portal.Factory;

    private static object Answers(string number) => new
    {
        numberType = "fixed",
        carrier = new { code = "F0" },
        carrierAccount = new { accountNumber = "FT-123456", internet = "fibre" },
        numbers = new[] { new { number, rio = Wizard.RioFor("F0X1A2B3C", number) } },
        holder = new { firstName = "Marie", lastName = "Martin", companyName = "Boulangerie Martin SARL", siret = "443 512 098 00015" },
        address = new { street = "8 rue des Boulangers", postalCode = "75005", city = "Paris" },
    };

    private static async Task<HttpResponseMessage> UploadBillAsync(HttpClient api, string id)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("carrierBill"), "kind");
        var file = new ByteArrayContent(PortRequestBuilder.SampleBillPdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "files", "facture.pdf");
        return await api.PostAsync($"/api/v1/port-requests/{id}/documents", form);
    }

    [Fact]
    public async Task A_port_is_created_signed_followed_and_cancelled_through_the_api_alone()
    {
        var api = ApiClients.For(factory, await ApiClients.KeyAsync(factory, "Boulangerie Martin", name: "ERP Martin"));
        var number = Wizard.NextNumber();
        var created = await api.PostJsonAsync("/api/v1/port-requests", Answers(number));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.JsonAsync();
        var id = draft.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/port-requests/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(FrenchNumber.Parse(number).E164, draft.GetProperty("numbers")[0].GetProperty("number").GetString());

        // Signing before the bill is there: the domain says what is missing.
        var early = await api.PostJsonAsync($"/api/v1/port-requests/{id}/submit", Submission(number, DemoData.BoulangerieAdmin));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await UploadBillAsync(api, id)).StatusCode);
        var notAdmin = await api.PostJsonAsync($"/api/v1/port-requests/{id}/submit", Submission(number, DemoData.BoulangerieUser));
        Assert.Equal(HttpStatusCode.BadRequest, notAdmin.StatusCode);
        var error = Assert.Single((await notAdmin.JsonAsync()).GetProperty("errors").EnumerateArray());
        Assert.Equal("signer.email", error.GetProperty("field").GetString());
        Assert.Equal("Signer.Email.NotAdmin", error.GetProperty("code").GetString());

        var signed = await api.PostJsonAsync($"/api/v1/port-requests/{id}/submit", Submission(number, DemoData.BoulangerieAdmin));
        Assert.Equal(HttpStatusCode.Accepted, signed.StatusCode);
        Assert.Equal($"/api/v1/port-requests/{id}/submit/confirm", (await signed.JsonAsync()).GetProperty("confirm").GetString());
        using (var scope = factory.Services.CreateScope())
        {
            // The code went to the admin named, by e-mail.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var mail = await db.OutboxMessages.Where(m => m.PortRequestId == Guid.Parse(id) && m.Kind == "SignatureCode").SingleAsync();
            Assert.Equal(DemoData.BoulangerieAdmin, mail.Recipient);
        }

        var wrong = await api.PostJsonAsync($"/api/v1/port-requests/{id}/submit/confirm", new { code = "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var confirmed = await api.PostJsonAsync($"/api/v1/port-requests/{id}/submit/confirm", new { code = Wizard.LastCode(factory, Guid.Parse(id)) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var submitted = await confirmed.JsonAsync();
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.StartsWith("POR-", submitted.GetProperty("reference").GetString(), StringComparison.Ordinal);
        Assert.Equal("support", submitted.GetProperty("whoseTurn").GetString()); // support checks the documents first
        Assert.Equal("FT-123456", submitted.GetProperty("carrierAccount").GetProperty("accountNumber").GetString());
        Assert.Equal("44351209800015", submitted.GetProperty("holder").GetProperty("siret").GetString());
        Assert.Equal("Paris", submitted.GetProperty("address").GetProperty("city").GetString());
        Assert.NotNull(submitted.GetProperty("links").GetProperty("mandate").GetString());

        // The answers are locked now; the request is followed, then cancelled, all through the API.
        var locked = await api.PostJsonAsync($"/api/v1/port-requests/{id}/draft", new { carrierAccount = new { accountNumber = "FT-999999", internet = "fibre" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);
        Assert.Equal("PortRequest.Locked", (await locked.JsonAsync()).GetProperty("code").GetString());
        var listed = await (await api.GetAsync("/api/v1/port-requests?status=submitted")).JsonAsync();
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        var pdf = await api.GetAsync($"/api/v1/port-requests/{id}/mandate.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var cancelled = await api.PostJsonAsync($"/api/v1/port-requests/{id}/cancel", new { reason = "Projet abandonné" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.JsonAsync()).GetProperty("status").GetString());

        // The admin's page shows the same request, signed by the signer named, made by the key.
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var page = await admin.GetAsync($"/portage/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var check = factory.Services.CreateScope();
        var mandate = await check.ServiceProvider.GetRequiredService<AppDbContext>().Mandates.IgnoreQueryFilters().SingleAsync(m => m.PortRequestId == Guid.Parse(id));
        Assert.Equal("Marie Martin", mandate.SignerName);
    }

    [Fact]
    public async Task A_draft_is_filled_step_by_step_and_a_refused_part_keeps_nothing()
    {
        var api = ApiClients.For(factory, await ApiClients.KeyAsync(factory, "Cabinet Durand"));
        int Drafts()
        {
            using var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<AppDbContext>().PortRequests.IgnoreQueryFilters().Count(r => r.Status == PortRequestStatus.Draft);
        }

        var before = Drafts();
        var number = Wizard.NextNumber();
        var refused = await api.PostJsonAsync("/api/v1/port-requests", new
        {
            numberType = "fixed",
            carrier = new { code = "F0" },
            carrierAccount = new { accountNumber = "", internet = "fibre" },
            numbers = new[] { new { number, rio = "" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.JsonAsync()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "carrierAccount.accountNumber");
        Assert.Equal(before, Drafts());

        var created = await api.PostJsonAsync("/api/v1/port-requests", new { numberType = "fixed" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        var step = await api.PostJsonAsync($"/api/v1/port-requests/{id}/draft", new { carrier = new { code = "F0" } });
        Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        Assert.Equal("F0", (await step.JsonAsync()).GetProperty("carrier").GetProperty("code").GetString());

        var badLines = await api.PostJsonAsync($"/api/v1/port-requests/{id}/draft", new
        {
            carrierAccount = new { accountNumber = "FT-123456", internet = "fibre" },
            numbers = new[] { new { number = "01 45 00 0", rio = (string?)null }, new { number = "08 00 00 00 00", rio = (string?)null } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, badLines.StatusCode);
        var lineErrors = (await badLines.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains(lineErrors, f => f!.StartsWith("numbers[0]", StringComparison.Ordinal));
        Assert.Contains(lineErrors, f => f!.StartsWith("numbers[1]", StringComparison.Ordinal));
        var after = await (await api.GetAsync($"/api/v1/port-requests/{id}")).JsonAsync();
        Assert.Equal(JsonValueKind.Null, after.GetProperty("carrierAccount").ValueKind);
        Assert.Equal(0, after.GetProperty("numbers").GetArrayLength());

        var onlyHolder = await api.PostJsonAsync($"/api/v1/port-requests/{id}/draft", new { holder = new { firstName = "Luc", lastName = "Durand" } });
        Assert.Equal(HttpStatusCode.BadRequest, onlyHolder.StatusCode);
        Assert.Equal("address", (await onlyHolder.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());

        var unknown = await api.PostJsonAsync($"/api/v1/port-requests/{id}/draft", "{\"numberType\": \"satellite\"}");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("Api.Malformed", (await unknown.JsonAsync()).GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostJsonAsync($"/api/v1/port-requests/{id}/delete", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/port-requests/{id}")).StatusCode);
    }

    [Fact]
    public async Task Ten_thousand_numbers_or_a_huge_range_are_refused_with_a_message_and_nothing_kept()
    {
        var (accountId, _) = await TestPeople.AccountAsync(factory, "Grand compte API");
        var api = ApiClients.For(factory, await ApiClients.KeyAsync(factory, accountId));
        var many = Enumerable.Range(0, 10_000).Select(i => new { number = $"01 44 {i / 10000 % 100:D2} {i / 100 % 100:D2} {i % 100:D2}", rio = (string?)null }).ToArray();
        var response = await api.PostJsonAsync("/api/v1/port-requests", new { numberType = "fixed", numbers = many });
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        var range = await api.PostJsonAsync("/api/v1/port-requests", new { numberType = "fixed", range = new { from = "01 44 00 00 00", to = "01 44 99 99 99" } });
        Assert.Equal(HttpStatusCode.BadRequest, range.StatusCode);
        var errors = (await range.JsonAsync()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("field").GetString()!.StartsWith("range", StringComparison.Ordinal));

        var reversed = await api.PostJsonAsync("/api/v1/port-requests", new { numberType = "fixed", range = new { from = "01 44 00 00 99", to = "01 44 00 00 00" } });
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        using var scope = factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().PortRequests.IgnoreQueryFilters().CountAsync(r => r.AccountId == accountId));
    }

    private static object Submission(string number, string signerEmail) => new
    {
        mainNumber = FrenchNumber.Parse(number).E164,
        keepTemporaryNumber = false,
        acceptTerms = true,
        signer = new { name = "Marie Martin", capacity = "manager", authorised = true, email = signerEmail },
    };
}
