using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Porting;

public class PortRequestDraftTests
{
    private static PortRequest NewDraft(NumberType type = NumberType.Fixed)
    {
        var r = PortRequest.StartDraft(Guid.NewGuid(), Guid.NewGuid(), Admin, Now);
        r.ChooseNumberType(Admin, type, true, Now);
        return r;
    }

    [Fact]
    public void A_new_draft_has_no_reference_yet_and_a_created_event()
    {
        var id = Guid.Parse("3f2a9c10-0000-0000-0000-000000000000");
        var r = PortRequest.StartDraft(id, Guid.NewGuid(), Admin, Now);
        Assert.Null(r.Reference);
        Assert.Equal(PortRequestStatus.Draft, r.Status);
        Assert.Equal(PortRequestEventKind.Created, Assert.Single(r.Events).Kind);
    }

    [Fact]
    public void Only_an_account_admin_starts_a_draft()
    {
        Assert.Equal("PortRequest.Forbidden",
            Assert.Throws<DomainException>(() => PortRequest.StartDraft(Guid.NewGuid(), Guid.NewGuid(), User, Now)).Code);
    }

    [Fact]
    public void Mobile_numbers_are_refused_when_the_flag_is_off()
    {
        var r = PortRequest.StartDraft(Guid.NewGuid(), Guid.NewGuid(), Admin, Now);
        Assert.Equal("NumberType.MobileNotAccepted",
            Assert.Throws<DomainException>(() => r.ChooseNumberType(Admin, NumberType.Mobile, false, Now)).Code);
        Assert.Null(r.NumberType);
    }

    [Fact]
    public void Changing_the_number_type_clears_the_carrier_and_lines()
    {
        var r = CompleteDraft();
        r.ChooseNumberType(Admin, NumberType.Mobile, true, Now);
        Assert.Null(r.CarrierCode);
        Assert.Empty(r.Lines);
        Assert.Null(r.MainOomaNumber);
    }

    [Theory]
    [InlineData(NumberType.Fixed, "F0", true)]
    [InlineData(NumberType.Fixed, "04", false)]
    [InlineData(NumberType.Mobile, "04", true)]
    [InlineData(NumberType.Mobile, "F0", false)]
    [InlineData(NumberType.Fixed, "ZZ", false)]
    public void The_carrier_must_come_from_the_list_of_the_number_type(NumberType type, string code, bool ok)
    {
        var r = NewDraft(type);
        if (ok)
        {
            r.ChooseCarrier(Admin, code, null, Now);
            Assert.Equal(code, r.CarrierCode);
        }
        else
        {
            Assert.Equal("Carrier.Required", Assert.Throws<DomainException>(() => r.ChooseCarrier(Admin, code, null, Now)).Code);
            Assert.Null(r.CarrierCode);
        }
    }

    [Fact]
    public void Autre_needs_a_name()
    {
        var r = NewDraft();
        Assert.Equal("Carrier.OtherName.Required", Assert.Throws<DomainException>(() => r.ChooseCarrier(Admin, Carrier.OtherCode, " ", Now)).Code);
        r.ChooseCarrier(Admin, Carrier.OtherCode, "  Opérateur Local  ", Now);
        Assert.Equal("Opérateur Local", r.CarrierDisplayName);
    }

    [Theory]
    [InlineData(SharedLineAnswer.Yes, true)]
    [InlineData(SharedLineAnswer.DontKnow, true)]
    [InlineData(SharedLineAnswer.No, false)]
    public void Adsl_on_the_same_line_blocks_submission_until_the_admin_confirms_separation(SharedLineAnswer answer, bool blocked)
    {
        var r = CompleteDraft();
        r.EnterCarrierAccount(Admin, CarrierAccountNumber.Parse("ACC-12345"), InternetConnection.AdslVdsl, answer, Now);
        Assert.Equal(blocked, r.IsBlockedByDryLine);
        if (blocked)
        {
            Assert.Equal("Submit.DryLineNotConfirmed", Assert.Throws<DomainException>(() => r.Submit(Admin, Signature("Jeanne Martin", true), Terms, "POR-2026-000001", Now)).Code);
            Assert.Equal(PortRequestStatus.Draft, r.Status);
            r.ConfirmLinesSeparated(Admin, Now);
        }

        r.Submit(Admin, Signature("Jeanne Martin", true), Terms, "POR-2026-000001", Now);
        Assert.Equal(PortRequestStatus.Submitted, r.Status);
    }

    [Fact]
    public void A_mobile_line_is_not_asked_about_internet_and_a_fixed_one_is()
    {
        var mobile = NewDraft(NumberType.Mobile);
        Assert.False(mobile.AsksInternet);
        mobile.EnterCarrierAccount(Admin, CarrierAccountNumber.Parse("MOB-12345"), null, null, Now);
        Assert.Null(mobile.InternetConnection);
        Assert.False(mobile.MissingForSubmission().HasFlag(WizardSection.CarrierAccount));

        var fixedLine = NewDraft();
        Assert.True(fixedLine.AsksInternet);
        Assert.Equal("Internet.Required", Assert.Throws<DomainException>(() =>
            fixedLine.EnterCarrierAccount(Admin, CarrierAccountNumber.Parse("ACC-12345"), null, null, Now)).Code);

        // A fixed draft turned mobile drops its internet answers (they would otherwise reach the mandate).
        fixedLine.EnterCarrierAccount(Admin, CarrierAccountNumber.Parse("ACC-12345"), InternetConnection.AdslVdsl, SharedLineAnswer.Yes, Now);
        fixedLine.ChooseNumberType(Admin, NumberType.Mobile, acceptMobileNumbers: true, Now);
        Assert.Null(fixedLine.InternetConnection);
        Assert.Null(fixedLine.SharedLine);
        Assert.False(fixedLine.IsBlockedByDryLine);
    }

    [Fact]
    public void Adsl_needs_the_shared_line_answer()
    {
        var r = NewDraft();
        Assert.Equal("Internet.SharedLine.Required", Assert.Throws<DomainException>(() =>
            r.EnterCarrierAccount(Admin, CarrierAccountNumber.Parse("ACC-12345"), InternetConnection.AdslVdsl, null, Now)).Code);
    }

    [Fact]
    public void An_incomplete_draft_or_unaccepted_terms_cannot_be_submitted()
    {
        var r = NewDraft();
        r.ChooseCarrier(Admin, "F1", null, Now);
        Assert.Equal(WizardSection.CarrierAccount | WizardSection.Lines | WizardSection.AddressAndHolder | WizardSection.MainNumber
            | WizardSection.Documents,
            r.MissingForSubmission());
        Assert.Equal("Submit.Incomplete", Assert.Throws<DomainException>(() => r.Submit(Admin, Signature("Jeanne Martin", true), Terms, "POR-2026-000001", Now)).Code);
        var complete = CompleteDraft();
        Assert.Equal("Submit.TermsNotAccepted", Assert.Throws<DomainException>(() => complete.Submit(Admin, Signature("Jeanne Martin", false), Terms, "POR-2026-000001", Now)).Code);
        Assert.Equal("Signature.Name.Required", Assert.Throws<DomainException>(() => complete.Submit(Admin, Signature(" ", true), Terms, "POR-2026-000001", Now)).Code);
        Assert.Equal(PortRequestStatus.Draft, complete.Status);
    }

    [Theory]
    [InlineData("08 00 00 00 00", "Lines.SpecialNumber")]
    [InlineData("06 11 22 33 44", "Lines.NotFixed")]
    public void Fixed_requests_take_only_fixed_numbers(string number, string code)
    {
        var r = NewDraft();
        var n = FrenchNumber.Parse(number);
        Assert.Equal(code, Assert.Throws<DomainException>(() => r.SetLines(Admin, [new LineInput(n, null)], Now)).Code);
        Assert.Empty(r.Lines);
    }

    [Fact]
    public void Mobile_requests_need_a_rio_on_every_line()
    {
        var r = NewDraft(NumberType.Mobile);
        var first = FrenchNumber.Parse("06 11 22 33 44");
        var second = FrenchNumber.Parse("07 56 00 00 00");
        Assert.Equal("Rio.RequiredForMobile", Assert.Throws<DomainException>(() =>
            r.SetLines(Admin, [new LineInput(first, Rio.Parse("02P123456O63")), new LineInput(second, null)], Now)).Code);
        Assert.Equal("Lines.NotMobile", Assert.Throws<DomainException>(() =>
            r.SetLines(Admin, [new LineInput(Main, RioFor("01P123456", Main))], Now)).Code);
        r.SetLines(Admin, [new LineInput(first, Rio.Parse("02P123456O63")), new LineInput(second, Rio.Parse("03E9Z8Y7X4GU"))], Now);
        Assert.Equal(2, r.Lines.Count);
    }

    [Theory]
    [InlineData(NumberType.Fixed, "F0", "01 40 00 00 00", "F1A123456", "Rio.CarrierMismatch")] // an SFR RIO for Orange
    [InlineData(NumberType.Fixed, "F0", "01 40 00 00 00", "02P123456", "Rio.CarrierMismatch")] // a mobile RIO for a fixed line
    [InlineData(NumberType.Fixed, "F0", "01 40 00 00 00", "F0X123456", null)]
    [InlineData(NumberType.Fixed, Carrier.OtherCode, "01 40 00 00 00", "Z9X123456", null)] // "Autre": no known prefix
    [InlineData(NumberType.Mobile, "01", "06 11 22 33 44", "02P123456", "Rio.CarrierMismatch")] // SFR's RIO, Orange chosen
    [InlineData(NumberType.Mobile, "02", "06 11 22 33 44", "02P123456", null)]
    public void A_rio_names_the_chosen_carrier_when_the_carrier_is_known(NumberType type, string carrier, string number, string firstNine, string? expected)
    {
        var r = NewDraft(type);
        r.ChooseCarrier(Admin, carrier, carrier == Carrier.OtherCode ? "Opérateur local" : null, Now);
        var n = FrenchNumber.Parse(number);
        var line = new LineInput(n, Rio.Parse(firstNine + Rio.ComputeKey(firstNine, n)));

        Assert.Equal(expected, PortRequest.CheckLine(type, n, line.Rio, isMain: true, carrier));
        if (expected is null)
        {
            r.SetLines(Admin, [line], Now);
            Assert.Single(r.Lines);
        }
        else
        {
            Assert.Equal(expected, Assert.Throws<DomainException>(() => r.SetLines(Admin, [line], Now)).Code);
            Assert.Empty(r.Lines);
        }
    }

    [Fact]
    public void The_main_line_needs_a_rio_whose_key_matches_its_number()
    {
        var r = NewDraft();
        Assert.Equal("Rio.RequiredForMainLine", Assert.Throws<DomainException>(() =>
            r.SetLines(Admin, [new LineInput(Main, null)], Now)).Code);
        var other = FrenchNumber.Parse("01 40 00 00 01");
        Assert.Equal("Rio.KeyMismatch", Assert.Throws<DomainException>(() =>
            r.SetLines(Admin, [new LineInput(other, Rio.Parse("F0X123456PVT"))], Now)).Code);
        r.SetLines(Admin, [new LineInput(Main, Rio.Parse("F0X123456PVT"))], Now);
        Assert.True(Assert.Single(r.Lines).IsMainLine);
    }

    [Fact]
    public void A_number_cannot_appear_twice_and_at_most_1000_lines()
    {
        var r = NewDraft();
        var main = new LineInput(Main, Rio.Parse("F0X123456PVT"));
        Assert.Equal("Lines.Duplicate", Assert.Throws<DomainException>(() =>
            r.SetLines(Admin, [main, new LineInput(FrenchNumber.Parse("+33 1 40 00 00 00"), null)], Now)).Code);
        var many = Enumerable.Range(0, 1000).Select(i => new LineInput(FrenchNumber.Parse($"01 41 00 {i / 100:D2} {i % 100:D2}"), null)).ToList();
        Assert.Equal("Lines.TooMany", Assert.Throws<DomainException>(() => r.SetLines(Admin, [main, .. many], Now)).Code);
        r.SetLines(Admin, [main, .. many.Take(999)], Now);
        Assert.Equal(1000, r.Lines.Count);
    }

    [Fact]
    public void Saving_the_numbers_again_keeps_each_line_at_its_place_and_a_new_number_there_takes_it_over()
    {
        var r = NewDraft();
        var main = new LineInput(Main, Rio.Parse("F0X123456PVT"));
        var block = Enumerable.Range(1, 5).Select(i => new LineInput(FrenchNumber.Parse($"01 41 00 00 {i:D2}"), null)).ToList();
        r.SetLines(Admin, [main, .. block], Now);
        var before = r.Lines.ToDictionary(l => l.Position, l => l.Id);

        // The third SDA number fixed, the others as they were: the same lines, the fourth with its new number.
        var fixedOne = new LineInput(FrenchNumber.Parse("01 41 00 00 33"), null);
        r.SetLines(Admin, [main, block[0], block[1], fixedOne, block[3], block[4]], Now);
        Assert.Equal([0, 1, 2, 3, 4, 5], r.Lines.Select(l => l.Position));
        Assert.Equal("01 41 00 00 33", r.Lines[3].Number.Display);
        Assert.Equal(before.Values, r.Lines.Select(l => l.Id));

        // A shorter list: places past it go; numbers swapped take each other's lines; the main line's RIO changes in place.
        var newRio = RioFor("F0X654321", Main);
        r.SetLines(Admin, [main with { Rio = newRio }, block[1], block[0]], Now);
        Assert.Equal(3, r.Lines.Count);
        Assert.Equal([before[0], before[1], before[2]], r.Lines.Select(l => l.Id));
        Assert.Equal(newRio, r.Lines[0].Rio);
        Assert.Equal(["01 41 00 00 02", "01 41 00 00 01"], r.Lines.Skip(1).Select(l => l.Number.Display));
        Assert.All(r.Lines, l => Assert.Equal(PortLineStatus.Pending, l.Status));
    }

    [Fact]
    public void The_main_ooma_number_must_be_one_of_the_ported_numbers_and_is_dropped_when_its_line_goes()
    {
        var r = CompleteDraft();
        Assert.Equal("MainNumber.NotInRequest", Assert.Throws<DomainException>(() =>
            r.ChooseMainNumber(Admin, FrenchNumber.Parse("01 99 99 99 99"), false, accountHasOwnMainNumber: false, Now)).Code);
        r.ChooseMainNumber(Admin, Second, true, accountHasOwnMainNumber: false, Now);
        Assert.True(r.KeepTemporaryNumber);
        r.SetLines(Admin, [new LineInput(Main, Rio.Parse("F0X123456PVT"))], Now);
        Assert.Null(r.MainOomaNumber);
    }

    [Fact]
    public void A_submitted_request_is_locked()
    {
        var r = InState(PortRequestStatus.Submitted);
        Assert.Equal("PortRequest.Locked", Assert.Throws<DomainException>(() => r.ChooseCarrier(Admin, "F1", null, Now)).Code);
        Assert.Equal("F0", r.CarrierCode);
    }
}
