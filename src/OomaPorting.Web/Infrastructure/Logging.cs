using System.Text.RegularExpressions;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace OomaPorting.Web.Infrastructure;

/// <summary>Serilog: console and a rolling JSON file; every string property passes through <see cref="SensitiveDataMasker"/>.</summary>
public static class Logging
{
    public static void Configure(HostBuilderContext context, IServiceProvider services, LoggerConfiguration logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logger);
        var logFolder = context.Configuration["Logging:Folder"];
        logFolder = string.IsNullOrWhiteSpace(logFolder)
            ? Path.Combine(Database.DataFolder(context.Configuration, context.HostingEnvironment.ContentRootPath), "logs")
            : logFolder;
        LogFileHooks.RepairTails(logFolder);
        logger
            .ReadFrom.Configuration(context.Configuration)
            .ReadFrom.Services(services)
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .Enrich.With(new SensitiveDataMasker())
            .WriteTo.File(new PortalLogFormatter(), Path.Combine(logFolder, "portal-.json"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, fileSizeLimitBytes: 50_000_000,
                rollOnFileSizeLimit: true, hooks: new LogFileHooks());

        // The console can be turned off (Logging:Console=false) where a terminal is not read, as under load tests.
        if (context.Configuration.GetValue("Logging:Console", true))
        {
            logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

