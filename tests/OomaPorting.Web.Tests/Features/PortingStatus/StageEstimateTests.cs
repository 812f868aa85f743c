using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Features.PortingStatus;

namespace OomaPorting.Web.Tests.Features.PortingStatus;

/// <summary>
/// The tracker's re-estimate when stages are overdue (issue 36, point 6): each late stage is expected again from the one
/// before it, as many working days after it as first planned, never all on the next working day.
/// </summary>
public class StageEstimateTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.France;
    private static readonly Actor Admin = new("stage-admin", ActorRole.AccountAdmin, "A");

    [Fact]
    public void A_late_foc_confirmation_moves_the_test_call_and_the_completion_by_as_much()
    {
        var submittedAt = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
        var r = new PortRequestBuilder(Guid.NewGuid(), Admin, submittedAt).Carrier("F1").CarrierAccount("ACC-1234")
            .Lines(("02 97 12 34 00", "F1A123456")).Address("1 rue", "56000", "Vannes").Holder("A", "B").Submit("POR-2026-770001");
        var today = new DateOnly(2026, 12, 7);
        var stages = GetPortRequest.Stages(r, Calendar, today).ToDictionary(s => s.Key);

        var submitted = new DateOnly(2026, 11, 2);
        var plannedFoc = Calendar.ExpectedFocDate(submitted);
        var plannedPort = Calendar.ExpectedCompletion(submitted).Earliest;
        Assert.True(plannedPort < today && plannedFoc < plannedPort, "the example must have both stages overdue, the port after the CCF");

        var foc = stages["FocDate"];
        var test = stages["TestCall"];
        var done = stages["Completed"];
        Assert.True(foc.Late && test.Late && done.Late);
        Assert.Equal(Calendar.AddWorkingDays(today, 1), foc.ExpectedAgain);
        Assert.Equal(Calendar.AddWorkingDays(foc.ExpectedAgain!.Value, Calendar.WorkingDaysBetween(plannedFoc, plannedPort)), test.ExpectedAgain);
        Assert.True(test.ExpectedAgain > foc.ExpectedAgain);
        Assert.True(done.ExpectedAgain >= test.ExpectedAgain);
    }

    [Fact]
    public void A_port_day_passed_without_a_test_call_expects_it_and_the_completion_on_the_next_working_day()
    {
        var r = new PortRequestBuilder(Guid.NewGuid(), Admin, new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc)).Carrier("F1").CarrierAccount("ACC-1234")
            .Lines(("02 97 12 35 00", "F1A123456")).Address("1 rue", "56000", "Vannes").Holder("A", "B")
            .FocConfirmed("POR-2026-770002", new Actor("s", ActorRole.Support, "S"), new DateOnly(2026, 12, 1), Calendar, new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc));
        var today = new DateOnly(2026, 12, 7);
        var stages = GetPortRequest.Stages(r, Calendar, today).ToDictionary(s => s.Key);

        Assert.Equal(new DateOnly(2026, 12, 1), stages["FocDate"].Done);
        Assert.Equal(Calendar.AddWorkingDays(today, 1), stages["TestCall"].ExpectedAgain);
        Assert.Equal(stages["TestCall"].ExpectedAgain, stages["Completed"].ExpectedAgain);
    }
}
