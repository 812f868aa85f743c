using System.Text;
using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Features.Webhooks;
using OomaPorting.Web.Infrastructure.Webhooks;

namespace OomaPorting.Web.Tests.Features.Webhooks;

public class WebhookSignatureTests
{
    private const string Secret = "whsec_k3Jq9vJm0vZ8yQ2pX7tR5nL1cB4dF6gH8jK0mN2pQ4s";
    private static readonly DateTimeOffset At = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"1\",\"type\":\"port_request.foc_set\",\"note\":\"éà\"}");

    [Fact]
    public void A_signature_verifies_with_its_secret_body_and_time_only()
    {
        var header = WebhookSignature.Sign(Secret, At, Body);
        Assert.Matches("^t=1796112000,v1=[0-9a-f]{64}$", header);
        Assert.True(WebhookSignature.Verify(Secret, header, Body, At.AddMinutes(4), WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret + "x", header, Body, At, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, [.. Body, (byte)' '], At, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, header.Replace("t=1796112000", "t=1796112001", StringComparison.Ordinal), Body, At,
            WebhookSignature.DefaultTolerance));

        // A replay outside the window is refused, even signed right.
        Assert.False(WebhookSignature.Verify(Secret, header, Body, At.AddMinutes(6), WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, At.AddMinutes(-6), WebhookSignature.DefaultTolerance));
    }

    /// <summary>The value docs/api.md's Python check computes for the same secret, time and body (hmac, hashlib): receivers in any language agree.</summary>
    [Fact]
    public void The_signature_is_the_documented_hmac_of_time_dot_body() =>
        Assert.Equal("t=1796112000,v1=21cef23175e9c5c51439fabd0af011cf405d5a6599ebadde0876d8fe0e40e09c", WebhookSignature.Sign(Secret, At, Body));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=abc,v1=00")]
    [InlineData("t=99999999999999999999,v1=00")]
    [InlineData("t=1796112000")]
    [InlineData("t=1796112000,v1=zz")]
    public void A_malformed_header_never_verifies_and_never_throws(string? header) =>
        Assert.False(WebhookSignature.Verify(Secret, header, Body, At, WebhookSignature.DefaultTolerance));

    [Fact]
    public void One_matching_signature_among_several_is_enough()
    {
        var header = WebhookSignature.Sign(Secret, At, Body);
        var other = WebhookSignature.Sign("whsec_another", At, Body).Split(',')[1];
        Assert.True(WebhookSignature.Verify(Secret, $"{other},{header}", Body, At, WebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData(PortRequestEventKind.Submitted, PortRequestStatus.Submitted, WebhookEvents.Submitted)]
    [InlineData(PortRequestEventKind.Resubmitted, PortRequestStatus.Submitted, WebhookEvents.Resubmitted)]
    [InlineData(PortRequestEventKind.FocDateSet, PortRequestStatus.FocConfirmed, WebhookEvents.FocSet)]
    [InlineData(PortRequestEventKind.FocDateMoved, PortRequestStatus.FocConfirmed, WebhookEvents.FocMoved)]
    [InlineData(PortRequestEventKind.TestCallFailed, PortRequestStatus.FocConfirmed, WebhookEvents.FocMoved)]
    [InlineData(PortRequestEventKind.TestCallFailed, PortRequestStatus.ActionRequired, WebhookEvents.SentBack)]
    [InlineData(PortRequestEventKind.TestCallFailed, PortRequestStatus.Completed, WebhookEvents.Completed)]
    [InlineData(PortRequestEventKind.ActionRequired, PortRequestStatus.ActionRequired, WebhookEvents.SentBack)]
    [InlineData(PortRequestEventKind.TestCallStarted, PortRequestStatus.TestCall, WebhookEvents.TestCallStarted)]
    [InlineData(PortRequestEventKind.TestCallPassed, PortRequestStatus.Completed, WebhookEvents.Completed)]
    [InlineData(PortRequestEventKind.NumbersRefused, PortRequestStatus.FocConfirmed, WebhookEvents.NumbersRefused)]
    [InlineData(PortRequestEventKind.NumbersRefused, PortRequestStatus.Completed, WebhookEvents.Completed)]
    [InlineData(PortRequestEventKind.Cancelled, PortRequestStatus.Cancelled, WebhookEvents.Cancelled)]
    [InlineData(PortRequestEventKind.AssignmentChanged, PortRequestStatus.Submitted, WebhookEvents.None)]
    [InlineData(PortRequestEventKind.DocumentsChecked, PortRequestStatus.Submitted, WebhookEvents.None)]
    [InlineData(PortRequestEventKind.Created, PortRequestStatus.Draft, WebhookEvents.None)]
    public void Each_recorded_change_is_the_event_integrators_expect(PortRequestEventKind kind, PortRequestStatus to, WebhookEvents expected) =>
        Assert.Equal(expected, WebhookNotifications.Classify(kind, PortRequestStatus.Submitted, to));

    [Fact]
    public void A_draft_thrown_away_is_not_a_cancellation() =>
        Assert.Equal(WebhookEvents.None, WebhookNotifications.Classify(PortRequestEventKind.Cancelled, PortRequestStatus.Draft, PortRequestStatus.Cancelled));
}
