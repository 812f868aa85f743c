using OomaPorting.Web;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.HeldMessages;
using OomaPorting.Web.Features.SupportAgents;
using OomaPorting.Web.Infrastructure.Backup;
using OomaPorting.Web.Infrastructure.Identity;
using OomaPorting.Web.Infrastructure.Telemetry;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// The host's own logger, not the static one: several hosts in one process (tests) keep their logs apart.
builder.Host.UseSerilog(Logging.Configure, preserveStaticLogger: true);

builder.Services
    .AddPortalMvc()
    .AddPortalHealth()
    .AddPortalMediator()
    .AddPortalDatabase(builder.Configuration, builder.Environment.ContentRootPath)
    .AddPortalEmail()
    .AddPortalMandates(builder.Configuration, builder.Environment)
    .AddPortalIdentity(builder.Environment)
    .AddPortalApi()
    .AddPortalWebhooks()
    .AddPortalRetention()
    .AddPortalAccountData()
    .AddPortalRateLimits()
    .AddPortalTelemetry(builder.Configuration)
    .AddPortalGauges(builder.Configuration);

var app = builder.Build();

// A backup copies the database as it is: no migration first (the running portal may be an older version).
if (BackupCommand.IsRequested(args))
{
    return await BackupCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}

// A restore fills an empty data folder before anything (the start-up below would create a new database there).
if (RestoreCommand.IsRequested(args))
{
    return await RestoreCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}

await Database.MigrateAsync(app.Services);
await OomaPorting.Web.Infrastructure.Mandates.MandateSealKeyCheck.EnsureAsync(app.Services);
await RoleSetup.EnsureAsync(app.Services);

// The same binary runs the portal's commands (first start in production) and, without one, serves the web.
if (CreateSupportAgentCommand.IsRequested(args))
{
    return await CreateSupportAgentCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}

if (ReleaseOutboxCommand.IsRequested(args))
{
    return await ReleaseOutboxCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}

await DemoData.SeedIfRequestedAsync(app.Services, app.Configuration, app.Environment);

app.UsePortal();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program
{
}
