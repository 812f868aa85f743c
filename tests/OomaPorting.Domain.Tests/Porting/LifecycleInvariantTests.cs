using CsCheck;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Porting;

/// <summary>
/// The lifecycle's invariants over generated sequences, not one example: a submitted request of 1 to 1,000 numbers goes
/// through random steps by the customer, support and the clock (check documents, set and move the FOC date, refuse
/// some numbers, start and record the test call with some numbers failing, send back, withdraw, cancel), each applied
/// through the aggregate's own method. After every step: no number is lost or counted twice, the request's status
/// agrees with its numbers', a completed request has nothing left to port and a cancelled one nothing ported, the
/// version moves exactly when something changed, whose turn is someone's while the request is under way, and a step the
/// domain refuses leaves the request exactly as it was. And "may this be done now" is one rule: a step is refused for
/// the moment (<see cref="PortRequest.ActionRefusalCodes"/>) exactly when <see cref="PortRequest.Refusal"/> said so
/// beforehand, with the same code, so what pages and the API offer is what the domain accepts. CsCheck shrinks a
/// failure to its shortest sequence and prints it with the seed that replays it.
/// </summary>
public class LifecycleInvariantTests
{
    private enum Step
    {
        CheckDocuments,
        SetFocDate,
        RefuseSome,
        StartTestCall,
        TestPassed,
        TestFailedNewDate,
        TestFailedActionRequired,
        SendBack,
        Withdraw,
        CancelByCustomer,
        CancelBySupport,
        Wait,
    }

    /// <summary>Steps weighted toward progress (a cancellation ends the walk), so that every state is reached often.</summary>
    private static readonly Gen<Step> Steps = Gen.Frequency(
        (4, Gen.Const(Step.CheckDocuments)), (5, Gen.Const(Step.SetFocDate)), (2, Gen.Const(Step.RefuseSome)), (5, Gen.Const(Step.StartTestCall)),
        (2, Gen.Const(Step.TestPassed)), (2, Gen.Const(Step.TestFailedNewDate)), (2, Gen.Const(Step.TestFailedActionRequired)),
        (1, Gen.Const(Step.SendBack)), (2, Gen.Const(Step.Withdraw)), (1, Gen.Const(Step.CancelByCustomer)), (1, Gen.Const(Step.CancelBySupport)),
        (2, Gen.Const(Step.Wait)));

    private static readonly Gen<(int Lines, (Step Step, int Value)[] Steps)> Sequences =
        Gen.Select(Gen.Frequency((8, Gen.Int[1, 40]), (1, Gen.Int[41, 1_000])), Gen.Select(Steps, Gen.Int[0, 1_000]).Array[1, 20]);

    [Fact]
    public void Every_step_keeps_the_requests_numbers_status_version_and_turn_consistent()
    {
        var accepted = new Dictionary<Step, int>();
        var statuses = new HashSet<PortRequestStatus>();
        var refusals = new Dictionary<string, int>();
        Sequences.Sample(sequence => Run(sequence.Lines, sequence.Steps, accepted, statuses, refusals), iter: 1_000, threads: 1);

        // Each refusal of the moment was foretold, and the common kinds happened in every run (hundreds each): the rule was
        // tested where it refuses too. The rarer partly-ported refusals are held by PortActionTests, whatever the seed.
        foreach (var code in new[] { "PortRequest.InvalidTransition", "Precheck.AlreadyDone", "FocDate.NotChecked" })
        {
            Assert.True(refusals.GetValueOrDefault(code) > 0, $"{code} never happened: {string.Join(", ", refusals)}");
        }

        // The walk reached every kind of step and every status: the invariants were held where they matter.
        Assert.All(Enum.GetValues<Step>(), step => Assert.True(accepted.GetValueOrDefault(step) > 0, $"{step} was never accepted: {string.Join(", ", accepted)}"));
        Assert.All(Enum.GetValues<PortRequestStatus>().Where(s => s != PortRequestStatus.Draft),
            status => Assert.True(statuses.Contains(status), $"{status} was never reached"));
    }

    private static void Run(int count, (Step Step, int Value)[] steps, Dictionary<Step, int> accepted, HashSet<PortRequestStatus> statuses,
        Dictionary<string, int> refusals)
    {
        var lines = Enumerable.Range(0, count).Select(i => (Number(i).Display, i == 0 ? "F0X123456" : (string?)null)).ToArray();
        var r = new PortRequestBuilder(Guid.NewGuid(), Admin, Now).Carrier("F0").Lines(lines).MainNumber(Number(0).Display).Submit("POR-2026-000777");
        var now = Now;
        Check(r, count, "submitted");
        foreach (var (step, value) in steps)
        {
            var before = Snapshot(r);
            var refused = false;
            string? code = null;
            string? foretold = null;
            var asked = false;
            try
            {
                now = Apply(r, step, value, now, (action, actor, at) =>
                {
                    foretold = r.Refusal(action, actor.Role, FrenchCalendar, at);
                    asked = true;
                });
            }
            catch (DomainException e)
            {
                refused = true;
                code = e.Code;
            }

            var where = $"after {step}({value}) on {count} numbers";
            if (asked && foretold is not null)
            {
                Assert.True(refused && code == foretold, $"{where}: the rule said {foretold}, the step was {(refused ? "refused: " + code : "accepted")}");
                refusals[foretold] = refusals.GetValueOrDefault(foretold) + 1;
            }
            else if (asked && refused)
            {
                Assert.False(PortRequest.ActionRefusalCodes.Contains(code!), $"{where}: the rule allowed it, the step was refused for the moment: {code}");
            }

            if (!refused)
            {
                accepted[step] = accepted.GetValueOrDefault(step) + 1;
            }

            statuses.Add(r.Status);
            if (refused || step == Step.Wait)
            {
                Assert.True(before == Snapshot(r), $"{where}: a refused step changed the request");
            }
            else
            {
                Assert.True(r.Version > before.Version, $"{where}: accepted, but the version did not move");
            }

            Check(r, count, where);
        }
    }

    /// <summary>Applies <paramref name="step"/>, first telling <paramref name="asking"/> which action it is, by whom and when.</summary>
    private static DateTime Apply(PortRequest r, Step step, int value, DateTime now, Action<PortAction, Actor, DateTime> asking)
    {
        var foc = BusinessCalendarDay(now, 10 + (value % 15));
        var toPort = r.Lines.Where(l => l.Status.IsToPort()).Select(l => l.Number).ToList();
        var some = toPort.Where((_, i) => (i + value) % 3 == 0).ToList();
        switch (step)
        {
            case Step.CheckDocuments:
                asking(PortAction.CheckDocuments, Support, now);
                r.CheckDocuments(Support, now);
                break;
            case Step.SetFocDate:
                asking(PortAction.SetFocDate, Support, now);
                r.SetFocDate(Support, foc, FrenchCalendar, now);
                break;
            case Step.RefuseSome:
                asking(PortAction.RefuseNumbers, Support, now);
                r.RefuseNumbers(Support, some.Count > 0 ? some : toPort.Take(1).ToList(), ReasonCode.NumberInactive, "Ligne résiliée", now);
                break;
            case Step.StartTestCall:
                now = r.FocDate is { } day && day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc) > now ? day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc) : now;
                asking(PortAction.StartTestCall, Support, now);
                r.StartTestCall(Support, now);
                break;
            case Step.TestPassed:
                asking(PortAction.RecordTestCall, Support, now);
                r.RecordTestCallPassed(Support, now);
                break;
            case Step.TestFailedNewDate:
                asking(PortAction.RecordTestCall, Support, now);
                r.RecordTestCallFailedWithNewDate(Support, "Pas de tonalité", foc, FrenchCalendar, now, some.Count > 0 ? some : null);
                break;
            case Step.TestFailedActionRequired:
                asking(PortAction.RecordTestCall, Support, now);
                r.RecordTestCallFailedActionRequired(Support, "Pas de tonalité", [ReasonCode.Other], now, some.Count > 0 ? some : null);
                break;
            case Step.SendBack:
                asking(PortAction.SendBack, Support, now);
                r.RequireAction(Support, [ReasonCode.HolderMismatch], "Le titulaire diffère de la facture.", now);
                break;
            case Step.Withdraw:
                r.WithdrawNumbers(Admin, [.. r.Lines.Where(l => l.Status == PortLineStatus.Refused).Select(l => l.Id)], now);
                break;
            case Step.CancelByCustomer:
                asking(PortAction.Cancel, Admin, now);
                r.Cancel(Admin, "Projet abandonné", FrenchCalendar, now);
                break;
            case Step.CancelBySupport:
                asking(PortAction.Cancel, Support, now);
                r.Cancel(Support, "Doublon", FrenchCalendar, now);
                break;
            case Step.Wait:
                now = now.AddDays(1 + (value % 5));
                break;
        }

        return now;
    }

    private static void Check(PortRequest r, int count, string where)
    {
        var statuses = r.Lines.Select(l => l.Status).ToList();
        Assert.True(statuses.Count == count && r.Lines.Select(l => l.Number).Distinct().Count() == count,
            $"{where}: {statuses.Count} numbers for {count}, or one counted twice");
        Assert.True(statuses.All(s => Enum.IsDefined(s)), $"{where}: a number without an outcome");
        Assert.True(r.LinesAgreeWithStatus, $"{where}: {r.Status} with {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Count()} {g.Key}"))}");
        if (r.Status == PortRequestStatus.Completed)
        {
            Assert.True(!statuses.Any(s => s.IsToPort()) && statuses.Any(s => s == PortLineStatus.Ported), $"{where}: completed with numbers still to port, or none ported");
        }

        if (r.Status == PortRequestStatus.Cancelled)
        {
            Assert.DoesNotContain(PortLineStatus.Ported, statuses);
        }

        // Whose turn, on any day around the FOC date: someone's exactly while under way; support's while the documents
        // wait for their check, during the test call and once the FOC date has passed without one.
        foreach (var today in new[] { new DateOnly(2026, 1, 1), r.FocDate?.AddDays(-1), r.FocDate, r.FocDate?.AddDays(1), new DateOnly(2030, 1, 1) }.OfType<DateOnly>())
        {
            var turn = r.WhoseTurn(today);
            Assert.True(r.Status.IsUnderWay() == (turn != Turn.Nobody), $"{where}: {r.Status} under way but nobody's turn (or the reverse)");
            Assert.True(!r.AwaitsDocumentsCheck || turn == Turn.Support, $"{where}: documents to check but {turn}'s turn");
            Assert.True(r.Status != PortRequestStatus.TestCall || turn == Turn.Support, $"{where}: test call but {turn}'s turn");
            Assert.True(!(r.Status == PortRequestStatus.FocConfirmed && r.FocDate < today) || turn == Turn.Support, $"{where}: FOC date passed but {turn}'s turn");
            Assert.True(r.Status != PortRequestStatus.ActionRequired || turn == Turn.Customer, $"{where}: sent back but {turn}'s turn");
        }
    }

    private static (PortRequestStatus Status, int Version, string Lines, DateOnly? Foc) Snapshot(PortRequest r) =>
        (r.Status, r.Version, string.Join(",", r.Lines.OrderBy(l => l.Position).Select(l => $"{l.Number.E164}:{l.Status}:{l.RefusalReason}")), r.FocDate);

    private static FrenchNumber Number(int i) => FrenchNumber.Parse($"01 45 {i / 10_000 % 100:D2} {i / 100 % 100:D2} {i % 100:D2}");

    private static DateOnly BusinessCalendarDay(DateTime now, int workingDays) =>
        FrenchCalendar.AddWorkingDays(DateOnly.FromDateTime(now), workingDays);
}
