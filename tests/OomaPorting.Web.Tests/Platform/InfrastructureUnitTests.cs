using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

public class InfrastructureUnitTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Theory]
    [InlineData("Appel vers 01 42 60 30 10 échoué", "Appel vers [numéro masqué] échoué")]
    [InlineData("+33 1 42 60 30 10", "[numéro masqué]")]
    [InlineData("0033142603010", "[numéro masqué]")]
    [InlineData("06.11.22.33.44", "[numéro masqué]")]
    [InlineData("RIO 02P123456O63 reçu", "RIO [RIO masqué] reçu")]
    [InlineData("/compte/invitation/AbC_d-123456789xyz", "/compte/invitation/[jeton masqué]")]
    [InlineData("/x?returnUrl=%2F&token=s3cr3t-v4lue&y=1", "/x?returnUrl=%2F&token=[masqué]&y=1")]
    [InlineData("request 3f2a9c10-1234-4b5c-9def-0123456789ab", "request 3f2a9c10-1234-4b5c-9def-0123456789ab")]
    [InlineData("Handled SetFocDate in 12.5 ms", "Handled SetFocDate in 12.5 ms")]
    public void The_log_masker_hides_numbers_and_rios_and_leaves_the_rest(string input, string expected)
    {
        Assert.Equal(expected, SensitiveDataMasker.Mask(input));
    }

    [Theory]
    [InlineData("court", false)]
    [InlineData("onze-caract", false)]
    [InlineData("motdepasse123", false)]
    [InlineData("AZERTYUIOP123", false)]
    [InlineData("Password1234", false)]
    [InlineData("douze-caract", true)]
    [InlineData("le chat dort sur le radiateur", true)]
    [InlineData("tout en minuscules sans chiffre", true)]
    public async Task Passwords_need_twelve_characters_no_composition_and_are_not_common(string password, bool accepted)
    {
        using var scope = portal.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = $"{Guid.NewGuid():N}@test.fr", Email = $"{Guid.NewGuid():N}@test.fr", DisplayName = "Test" };
        var result = await users.CreateAsync(user, password);
        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Description)));
        }
    }

    [Fact]
    public void The_common_password_list_does_not_hold_the_demo_password()
    {
        Assert.False(CommonPasswordValidator.IsCommon(DemoData.Password));
        Assert.True(CommonPasswordValidator.IsCommon("AzertyUiop123"));
    }
}

public class LogGuardTests
{
    [Fact]
    public void The_log_guard_catches_a_seeded_number_in_any_form()
    {
        var sink = new CapturingSink();
        sink.Emit(new Serilog.Events.LogEvent(DateTimeOffset.UtcNow, Serilog.Events.LogEventLevel.Information, null,
            new Serilog.Parsing.MessageTemplateParser().Parse("Calling {Number}"),
            [new Serilog.Events.LogEventProperty("Number", new Serilog.Events.ScalarValue("+33142603010"))]));
        Assert.Throws<InvalidOperationException>(() => LogGuard.AssertClean(sink));
        LogGuard.AssertClean(new CapturingSink());
        Assert.Contains("0142603010", LogGuard.Secrets);
    }
}

public class RequestLogLevelTests
{
    private static DefaultHttpContext Context(int status, bool aborted)
    {
        var context = new DefaultHttpContext();
        context.Response.StatusCode = status;
        if (aborted)
        {
            using var gone = new CancellationTokenSource();
            gone.Cancel();
            context.RequestAborted = gone.Token;
        }

        return context;
    }

    [Fact]
    public void A_request_the_client_abandoned_is_not_an_error_of_the_portal()
    {
        Assert.Equal(Serilog.Events.LogEventLevel.Information, RequestLogLevel.For(Context(200, aborted: true), new OperationCanceledException()));
        Assert.Equal(Serilog.Events.LogEventLevel.Information, RequestLogLevel.For(Context(200, aborted: true), new TaskCanceledException()));
    }

    [Fact]
    public void Failures_of_the_portal_stay_errors()
    {
        // A cancellation the client did not cause (a timeout inside the portal) is an error.
        Assert.Equal(Serilog.Events.LogEventLevel.Error, RequestLogLevel.For(Context(200, aborted: false), new OperationCanceledException()));
        Assert.Equal(Serilog.Events.LogEventLevel.Error, RequestLogLevel.For(Context(200, aborted: true), new InvalidOperationException()));
        Assert.Equal(Serilog.Events.LogEventLevel.Error, RequestLogLevel.For(Context(503, aborted: false), null));
        Assert.Equal(Serilog.Events.LogEventLevel.Information, RequestLogLevel.For(Context(404, aborted: false), null));
    }

    [Fact]
    public void A_static_file_served_is_below_the_logs_level_and_a_page_is_not()
    {
        Assert.Equal(Serilog.Events.LogEventLevel.Debug, RequestLogLevel.For(Context(200, aborted: false), null));
        var page = Context(200, aborted: false);
        page.SetEndpoint(new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "page"));
        Assert.Equal(Serilog.Events.LogEventLevel.Information, RequestLogLevel.For(page, null));
    }

    /// <summary>Readiness on a database nobody migrated names the count in words, not "migration(s)" (issue 36, point 17).</summary>
    [Fact]
    public async Task Readiness_on_an_unmigrated_database_counts_its_migrations_in_words()
    {
        var folder = Directory.CreateTempSubdirectory("ooma-unmigrated-");
        try
        {
            var services = new ServiceCollection();
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(folder.FullName, "empty.db")};Pooling=false"));
            await using var provider = services.BuildServiceProvider();
            var check = new Web.Infrastructure.Health.MigrationsHealthCheck(provider.GetRequiredService<IServiceScopeFactory>());
            var result = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, result.Status);
            Assert.Matches(@"^(1 migration|[02-9]\d* migrations|1\d+ migrations) not applied\.$", result.Description);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
