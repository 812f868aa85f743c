using System.Diagnostics;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>The portal's own binary run as an operator runs one of its commands on a data folder (Production, no demo data).</summary>
public static class PortalCommand
{
    /// <summary>Runs <c>dotnet OomaPorting.Web.dll <paramref name="args"/></c>; its exit code and everything it printed.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string dataFolder, params string[] args)
    {
        var bin = AppContext.BaseDirectory;
        var info = new ProcessStartInfo("dotnet", [Path.Combine(bin, "OomaPorting.Web.dll"), .. args])
        {
            WorkingDirectory = bin,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["App__DataFolder"] = dataFolder;
        info.Environment["DemoData__Enabled"] = "false";
        info.Environment["Email__PortalUrl"] = "https://portail.ooma.test";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await output + await error);
    }
}
