using System.Runtime.CompilerServices;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>
/// Settings of the whole test process, made before any portal starts. Every host watches its appsettings files for
/// changes with an inotify instance; hundreds of portals (in this process and the ones it starts) beside the browser
/// tests once reached the machine's limit of 128 per user and a portal could not start. Test portals never see their
/// settings files change: they do not watch them (the portal's own processes inherit this from the environment).
/// </summary>
public static class TestProcessSettings
{
#pragma warning disable CA2255 // A test assembly's one process-wide setting, before any host is built.
    [ModuleInitializer]
#pragma warning restore CA2255
    public static void Apply()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

        // The web root's file provider watches wwwroot once a page asks for a file's version (asp-append-version), and
        // a disposed host does not dispose it: in one run the HTTP tests' process held 127 inotify instances until the
        // garbage collector came by, and portals failed to start. Polling instead holds none.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
