using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Infrastructure.Backup;

/// <summary>
/// <c>backup --to &lt;folder&gt;</c>: an online backup of the SQLite database while the portal runs and writes. SQLite's
/// backup API copies every page inside one read transaction, so the copy is the database as it was at one instant
/// (every commit acknowledged before it started is in it, none half-written), and the portal's writers are not held up
/// (WAL: a reader never blocks a writer). The copy is then checked (<c>PRAGMA integrity_check</c>) and its content
/// counted. The folder it writes is a data folder: start a portal with <c>App:DataFolder</c> pointing at it to restore.
/// Everything the portal keeps is in that one file, the data-protection keys included (sessions and forms survive a
/// restore), except the two mandate secrets the portal made in its data folder when none is configured (the seal key
/// and the PDF signing certificate, kept out of the database on purpose): they are copied beside it, or the restored
/// portal could no longer check the mandates it sealed. Exit codes: 0 done, 2 wrong arguments or not SQLite, 3 the folder already holds a database, 4 the copy
/// failed its integrity check (it is left for inspection).
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";

    public const int Done = 0;
    public const int Usage = 2;
    public const int AlreadyThere = 3;
    public const int Damaged = 4;

    public const string FileName = "portal.db";

    public static bool IsRequested(IReadOnlyList<string> args) =>
        args is { Count: > 0 } && string.Equals(args[0], Name, StringComparison.Ordinal);

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var to = args.Count == 3 && args[1] == "--to" && !string.IsNullOrWhiteSpace(args[2]) ? args[2] : null;
        if (to is null)
        {
            await error.WriteLineAsync($"Usage: {Name} --to <folder>   (a new or empty folder; it becomes a data folder to restore from)");
            return Usage;
        }

        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider != Database.Sqlite)
        {
            await error.WriteLineAsync("This command backs up SQLite. On SQL Server, use the server's own backups (docs/operations.md).");
            return Usage;
        }

        var folder = Path.GetFullPath(to);
        var target = Path.Combine(folder, FileName);
        if (File.Exists(target))
        {
            await error.WriteLineAsync($"{target} already exists: choose a new folder (nothing was written).");
            return AlreadyThere;
        }

        Directory.CreateDirectory(folder);
        var source = Database.SqliteConnectionString(services.GetRequiredService<IConfiguration>(),
            services.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
        var copy = new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString();
        var started = DateTime.UtcNow;
        await using (var from = new SqliteConnection(source))
        await using (var into = new SqliteConnection(copy))
        {
            await from.OpenAsync();
            await into.OpenAsync();
            from.BackupDatabase(into);
        }

        // The mandate secrets of the data folder go with it (configured ones live elsewhere and are the operator's to keep).
        var dataFolder = Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(source).DataSource))!;
        foreach (var secret in SecretFiles)
        {
            var from = Path.Combine(dataFolder, secret);
            if (File.Exists(from))
            {
                CopySecret(from, Path.Combine(folder, secret));

                await output.WriteLineAsync($"Copied {secret} (a mandate secret: keep this folder as private as the live one).");
            }
        }

        var report = await CheckAsync(target);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Backed up to {target} in {(DateTime.UtcNow - started).TotalSeconds:0.0} s: {report.Requests} port requests, {report.Accounts} accounts; integrity_check: {report.Integrity}."));
        if (!report.IsSound)
        {
            await error.WriteLineAsync($"The copy at {target} failed its integrity check: {report.Integrity}. Do not restore it.");
            return Damaged;
        }

        return Done;
    }

    /// <summary>The mandate secrets a data folder may hold beside its database (made there when none is configured).</summary>
    public static readonly IReadOnlyList<string> SecretFiles = [Mandates.MandateSealKeys.FileName, Mandates.MandateSigningCertificate.FileName];

    /// <summary>Copies a mandate secret to a new file readable by the portal's user only.</summary>
    public static void CopySecret(string from, string to)
    {
        File.Copy(from, to, overwrite: false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(to, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>What a database file holds and whether SQLite finds it sound: the check a restore starts with.</summary>
    public sealed record Report(string Integrity, long Requests, long Accounts)
    {
        public bool IsSound => Integrity == "ok";
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c> on a database file and counts its requests and accounts.</summary>
    public static async Task<Report> CheckAsync(string file)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        async Task<object?> Scalar(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync();
        }

        var integrity = (string?)await Scalar("PRAGMA integrity_check;") ?? "no answer";
        var requests = (long)(await Scalar("SELECT COUNT(*) FROM \"PortRequests\";") ?? 0L);
        var accounts = (long)(await Scalar("SELECT COUNT(*) FROM \"Accounts\";") ?? 0L);
        return new Report(integrity, requests, accounts);
    }
}
