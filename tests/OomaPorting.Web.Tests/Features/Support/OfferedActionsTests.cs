using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Support;

/// <summary>
/// "May this be done now" is asked of the domain, never re-typed (issue 38, point 1): in every state a request passes
/// through, support's page offers exactly the actions <see cref="PortRequest.Actions"/> lists for support, each offered
/// form sent as the page renders it is accepted, and the API's <c>actions</c> lists what the domain lets the account's
/// key do. The page used to offer a send-back and a cancellation that the domain refuses once a number is ported.
/// </summary>
public class OfferedActionsTests(ClockedPortal fx) : IClassFixture<ClockedPortal>
{
    /// <summary>Each action's form, by where it posts.</summary>
    private static readonly Dictionary<string, PortAction> Forms = new()
    {
        ["pieces-verifiees"] = PortAction.CheckDocuments,
        ["ccf"] = PortAction.SetFocDate,
        ["appel-test"] = PortAction.StartTestCall,
        ["resultat-appel"] = PortAction.RecordTestCall,
        ["numeros-refuses"] = PortAction.RefuseNumbers,
        ["renvoyer"] = PortAction.SendBack,
        ["annuler"] = PortAction.Cancel,
        ["garder-temporaire"] = PortAction.KeepTemporaryNumber,
        ["attribution"] = PortAction.Assign,
    };

    private static readonly DateOnly Foc = new(2026, 12, 15);

    /// <summary>The states a request passes through, each reached from a new submission by support's own forms.</summary>
    public static TheoryData<string> States => ["submitted", "checked", "dated", "foc-day", "test-call", "partly-ported", "sent-back", "completed", "cancelled"];

    /// <summary>A new request in <paramref name="state"/>, and the desk signed in at the clock's time (sessions end when it jumps a fortnight).</summary>
    private async Task<(Guid Id, SupportDesk Desk)> ReachAsync(string state)
    {
        fx.Clock.AdjustTime(ClockedPortal.Start);
        var (id, _) = await BlockAsync();
        var desk = await SupportDesk.SignInAsync(fx.Factory);
        var page = $"/support/portages/{id}";
        async Task Send(string action, Action<HtmlForm>? fill = null, string? button = null)
        {
            var form = await HtmlForm.ForActionAsync(desk.Client, page, $"{page}/{action}");
            fill?.Invoke(form);
            var response = await form.SubmitAsync(button);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect,
                $"{state}, {action}: {(int)response.StatusCode} {Wizard.ErrorSummary(await response.Content.ReadAsStringAsync())}");
        }

        if (state == "submitted")
        {
            return (id, desk);
        }

        if (state == "sent-back")
        {
            await Send("renvoyer", f => f.Check("Le nom du titulaire ne correspond pas à celui connu de l'opérateur.").Fill("Message au client (ce qu'il doit corriger)", "Titulaire différent"));
            return (id, desk);
        }

        if (state == "cancelled")
        {
            await Send("annuler", f => f.Fill("Motif de l'annulation", "Doublon"));
            return (id, desk);
        }

        await Send("pieces-verifiees");
        if (state == "checked")
        {
            return (id, desk);
        }

        await Send("ccf", f => f.Set("FocDate", Foc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        if (state == "dated")
        {
            return (id, desk);
        }

        fx.Clock.AdjustTime(new DateTimeOffset(2026, 12, 15, 8, 0, 0, TimeSpan.Zero));
        desk = await SupportDesk.SignInAsync(fx.Factory);
        if (state == "foc-day")
        {
            return (id, desk);
        }

        await Send("appel-test");
        if (state == "test-call")
        {
            return (id, desk);
        }

        if (state == "partly-ported")
        {
            // One number fails the test call and gets a new date; the others are ported: the request is dated again.
            var failing = (await DomainAsync(id)).Request.Lines.OrderBy(l => l.Position).Last().Number.Display;
            await Send("resultat-appel", f => f.Choose("Échoué : nouvelle date de portage").Fill("Note (obligatoire en cas d'échec)", "Pas de tonalité")
                .Fill("Nouvelle date de portage (en cas d'échec avec nouvelle date)", "2026-12-18").Fill("Numéros en échec (appel test échoué)", failing));
            return (id, desk);
        }

        await Send("resultat-appel", f => f.Set("Outcome", "passed"));
        return (id, desk);
    }

    private static int _block;

    /// <summary>A submitted request of Boulangerie Martin: a main number and two more, so one can be refused or fail.</summary>
    private async Task<(Guid Id, Wizard Wizard)> BlockAsync()
    {
        var n = Interlocked.Increment(ref _block);
        var main = $"01 46 55 {n:D2} 00";
        var wizard = await Wizard.StartAsync(fx.Factory);
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false);
        await wizard.StepAsync(id, "numeros", new Dictionary<string, string>
        {
            ["Command.Lines[0].Number"] = main,
            ["Command.Lines[0].Rio"] = Wizard.RioFor("F0X1A2B3C", main),
            ["Command.Paste"] = $"01 46 55 {n:D2} 01\n01 46 55 {n:D2} 02",
            ["Command.ReturnTo"] = "signature",
            ["action"] = "enregistrer",
        }, "signature");
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.SignAsync(id, Wizard.Signature(Domain.Numbers.FrenchNumber.Parse(main).E164))).StatusCode);
        return (id, wizard);
    }

    private async Task<(PortRequest Request, IReadOnlyList<PortAction> Support, IReadOnlyList<PortAction> Admin)> DomainAsync(Guid id)
    {
        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var r = await db.PortRequests.IgnoreQueryFilters().Include(x => x.Lines).SingleAsync(x => x.Id == id);
        var now = fx.Clock.GetUtcNow().UtcDateTime;
        return (r, r.Actions(Domain.Common.ActorRole.Support, BusinessCalendar.France, now), r.Actions(Domain.Common.ActorRole.AccountAdmin, BusinessCalendar.France, now));
    }

    private static async Task<HashSet<PortAction>> OfferedAsync(SupportDesk desk, Guid id)
    {
        var page = await (await desk.Client.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        return [.. page.QuerySelectorAll("main form[method=post]")
            .Select(f => f.GetAttribute("action")!.Split('/')[^1])
            .Where(Forms.ContainsKey)
            .Select(a => Forms[a])];
    }

    [Theory]
    [MemberData(nameof(States))]
    public async Task Support_is_offered_exactly_what_the_domain_accepts_and_each_offer_is_accepted(string state)
    {
        var (id, desk) = await ReachAsync(state);
        var (request, support, admin) = await DomainAsync(id);

        // Boulangerie Martin has no temporary number: keeping one is never offered, whatever the domain says of the request.
        var expected = support.Where(a => a != PortAction.KeepTemporaryNumber).ToHashSet();
        var offered = await OfferedAsync(desk, id);
        Assert.True(expected.SetEquals(offered), $"{state} ({request.Status}): the domain accepts {string.Join(", ", expected.Order())}, the page offers {string.Join(", ", offered.Order())}");

        // The account's key is told the same, in the API's words.
        var api = ApiClients.For(fx.Factory, await ApiClients.KeyAsync(fx.Factory, "Boulangerie Martin"));
        var json = await (await api.GetAsync($"/api/v1/port-requests/{id}")).JsonAsync();
        var listed = json.GetProperty("actions").EnumerateArray().Select(a => a.GetString()).ToHashSet();
        var forKey = admin.Select(a => a switch { PortAction.Sign => "submit", PortAction.DeleteDraft => "delete", PortAction.Cancel => "cancel", _ => null })
            .OfType<string>().ToHashSet();
        Assert.True(forKey.SetEquals(listed!), $"{state}: the API lists {string.Join(", ", listed)}, the domain accepts {string.Join(", ", forKey)}");

        // Every form offered, sent as rendered with what a person would type, is accepted (each on its own copy of the state).
        foreach (var action in offered)
        {
            (var copy, desk) = await ReachAsync(state);
            var path = Forms.Single(f => f.Value == action).Key;
            var form = await HtmlForm.ForActionAsync(desk.Client, $"/support/portages/{copy}", $"/support/portages/{copy}/{path}");
            switch (action)
            {
                case PortAction.SetFocDate:
                    form.Set("FocDate", "2026-12-22");
                    break;
                case PortAction.RecordTestCall:
                    form.Set("Outcome", "passed");
                    break;
                case PortAction.RefuseNumbers:
                    var number = (await DomainAsync(copy)).Request.Lines.Where(l => l.Status.IsToPort()).OrderBy(l => l.Position).Last().Number.Display;
                    form.Fill("Numéros refusés", number).Set("Reason", "NumberInactive").Fill("Message de l'opérateur, pour le client", "Ligne résiliée");
                    break;
                case PortAction.SendBack:
                    form.Check("Le nom du titulaire ne correspond pas à celui connu de l'opérateur.").Fill("Message au client (ce qu'il doit corriger)", "Titulaire différent");
                    break;
                case PortAction.Cancel:
                    form.Fill("Motif de l'annulation", "Doublon");
                    break;
            }

            var response = await form.SubmitAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Redirect,
                $"{state}: {action} was offered and refused: {(int)response.StatusCode} {Wizard.ErrorSummary(await response.Content.ReadAsStringAsync())}");
        }
    }
}
