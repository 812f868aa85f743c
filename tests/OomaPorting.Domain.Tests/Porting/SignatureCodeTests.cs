using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Porting;

public class SignatureCodeTests
{
    private static (SignatureCode Code, string Clear) Issue(PortRequest? r = null, IEnumerable<DateTime>? previous = null) =>
        SignatureCode.Issue(r ?? CompleteDraft(), 3, "admin-1", "admin@exemple.fr", "{}", previous ?? [], Now);

    [Fact]
    public void A_code_is_six_digits_kept_only_as_a_salted_hash_and_valid_ten_minutes()
    {
        var (code, clear) = Issue();
        Assert.Matches("^[0-9]{6}$", clear);
        Assert.DoesNotContain(clear, code.CodeHash, StringComparison.Ordinal);
        Assert.Equal(Now.AddMinutes(10), code.ExpiresAtUtc);
        Assert.Equal(3, code.RequestVersion);
        var (other, otherClear) = Issue();
        Assert.NotEqual(code.Salt, other.Salt);
        Assert.False(clear == otherClear && code.CodeHash == other.CodeHash);
    }

    [Fact]
    public void The_right_code_confirms_once_and_gives_what_the_mandate_records()
    {
        var (code, clear) = Issue();
        Assert.Throws<InvalidOperationException>(() => code.Confirmation);
        Assert.Equal(SignatureCodeCheck.Confirmed, code.Check($" {clear[..3]} {clear[3..]} ", Now.AddMinutes(9)));
        Assert.Equal(new SignerConfirmation("email-code", "admin@exemple.fr", Now.AddMinutes(9)), code.Confirmation);
        Assert.Equal(SignatureCodeCheck.Used, code.Check(clear, Now.AddMinutes(9)));
    }

    [Fact]
    public void Five_wrong_attempts_lock_the_code_even_against_the_right_one()
    {
        var (code, clear) = Issue();
        var wrong = clear == "000000" ? "000001" : "000000";
        for (var i = 1; i < SignatureCode.MaxAttempts; i++)
        {
            Assert.Equal(SignatureCodeCheck.Wrong, code.Check(wrong, Now));
            Assert.Equal(i, code.Attempts);
        }

        Assert.Equal(SignatureCodeCheck.Locked, code.Check("12345", Now)); // the fifth, even malformed, counts
        Assert.Equal(SignatureCodeCheck.Locked, code.Check(clear, Now));
        Assert.Equal(SignatureCode.MaxAttempts, code.Attempts);
        Assert.Null(code.ConfirmedAtUtc);
    }

    [Fact]
    public void An_expired_code_is_refused_without_counting()
    {
        var (code, clear) = Issue();
        Assert.Equal(SignatureCodeCheck.Expired, code.Check(clear, Now.AddMinutes(SignatureCode.ValidMinutes)));
        Assert.Equal(0, code.Attempts);
    }

    [Fact]
    public void New_codes_wait_a_minute_and_stop_at_five_an_hour()
    {
        Assert.Equal("SignatureCode.TooSoon", SignatureCode.CheckCanSend([Now.AddSeconds(-59)], Now));
        Assert.Null(SignatureCode.CheckCanSend([Now.AddSeconds(-61)], Now));
        DateTime[] five = [.. Enumerable.Range(1, 5).Select(i => Now.AddMinutes(-10 * i))];
        Assert.Equal("SignatureCode.TooMany", SignatureCode.CheckCanSend(five, Now));
        Assert.Null(SignatureCode.CheckCanSend([.. five.Select(t => t.AddMinutes(-20))], Now)); // two of them over an hour ago
        Assert.Equal("SignatureCode.TooMany", Assert.Throws<DomainException>(() => Issue(previous: five)).Code);
    }

    [Fact]
    public void A_signature_posted_again_within_the_minute_rides_on_the_code_on_its_way()
    {
        var (code, _) = Issue();
        Assert.True(code.CanCarryAgain(Now.AddSeconds(30)));
        code.CarryAgain("{\"changed\":true}", 4, Now.AddSeconds(30));
        Assert.Equal("{\"changed\":true}", code.PendingSignature);
        Assert.Equal(4, code.RequestVersion);
        Assert.False(code.CanCarryAgain(Now.AddSeconds(61)));
        Assert.Throws<DomainException>(() => code.CarryAgain("{}", 4, Now.AddSeconds(61)));
    }

    [Fact]
    public void Only_a_draft_or_a_request_to_fix_gets_a_code_and_a_submission_needs_the_confirmation()
    {
        Assert.Equal("Status.Invalid", Assert.Throws<DomainException>(() => Issue(InState(PortRequestStatus.Submitted))).Code);
        var r = CompleteDraft();
        Assert.Equal("Signer.Confirmation.Required", Assert.Throws<DomainException>(() =>
            r.Submit(Admin, Signature() with { Confirmation = null }, Terms, "POR-2026-000001", Now)).Code);
        Assert.Equal(PortRequestStatus.Draft, r.Status);
        Assert.Empty(r.Mandates);
    }
}
