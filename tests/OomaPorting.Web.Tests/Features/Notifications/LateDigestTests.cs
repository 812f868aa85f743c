using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Web.Features.Notifications;
using OomaPorting.Web.Tests.Features.Support;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Notifications;

/// <summary>The desk's daily digest of late requests (issue 17, part 4): working days from 08:00 Paris, once a day, in French.</summary>
public class LateDigestTests
{
    [Fact]
    public async Task The_digest_lists_late_requests_and_why_once_each_working_day_from_eight_in_paris()
    {
        await using var smtp = new TestSmtpServer();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 6, 30, 0, TimeSpan.Zero)); // Tuesday, 07:30 in Paris
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = clock };
        await LateRequestsTests.SeedAsync(factory);
        var digest = factory.Services.GetRequiredService<LateDigest>();

        Assert.Equal(0, await digest.EnqueueDueAsync(CancellationToken.None)); // before 08:00
        clock.Advance(TimeSpan.FromMinutes(35));
        Assert.Equal(1, await digest.EnqueueDueAsync(CancellationToken.None));
        Assert.Equal(0, await digest.EnqueueDueAsync(CancellationToken.None));
        // Another instance, or this one restarted: the outbox keeps it to one a day.
        Assert.Equal(0, await ActivatorUtilities.CreateInstance<LateDigest>(factory.Services).EnqueueDueAsync(CancellationToken.None));

        var mail = Assert.Single(await smtp.DeliveredToAsync(factory, "support-portage@ooma-office.test"), m => m.Subject!.Contains("en retard", StringComparison.Ordinal));
        Assert.Matches(@"^\[Portage\] \d+ demandes en retard ce mardi 1er décembre$", mail.Subject);
        var text = mail.TextBody!;
        Assert.Contains("POR-2026-900001 — Cabinet Durand — Pas de date de portage plus de 10 jours ouvrés après l'envoi", text, StringComparison.Ordinal);
        Assert.Contains("POR-2026-900002 — Cabinet Durand — Renvoyée au client il y a plus de 5 jours ouvrés, sans correction", text, StringComparison.Ordinal);
        Assert.Contains("POR-2026-900003 — Cabinet Durand — Date de portage passée sans appel test", text, StringComparison.Ordinal);
        Assert.Contains("POR-2026-900005 — Cabinet Durand — Pièces pas encore vérifiées : délai de vérification dépassé (jours ouvrés : 1)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("POR-2026-900004", text, StringComparison.Ordinal);
        Assert.Contains("/support/portages?Late=true", text, StringComparison.Ordinal);

        // Saturday: no digest; Monday 08:00: the next one.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await digest.EnqueueDueAsync(CancellationToken.None));
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 7, 1, 0, TimeSpan.Zero));
        Assert.Equal(1, await digest.EnqueueDueAsync(CancellationToken.None));
    }
}
