using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Infrastructure.Backup;

/// <summary>
/// <c>restore --from &lt;backup folder&gt; [--hold-outbox]</c>: puts a backup (<see cref="BackupCommand"/>) into this
/// portal's data folder, which must not hold a database yet. The copy is checked first (<c>PRAGMA integrity_check</c>)
/// and made with SQLite's backup API (a write-ahead log beside the backup is included); the mandate secrets beside it
/// come along. What the backup still had to send (e-mails, webhook deliveries) may have been sent by the live portal
/// after the backup was taken: with <c>--hold-outbox</c> it is held, listed on support's "Envois retenus" page, and
/// goes out only when a support administrator (or the <c>release-outbox</c> command) says so; without it, it is sent
/// when the portal starts, and the command says how much. Exit codes: 0 done, 2 wrong arguments, no backup there or
/// not SQLite, 3 the data folder already holds a database, 4 the backup failed its integrity check (nothing written).
/// </summary>
public static class RestoreCommand
{
    public const string Name = "restore";

    public const string HoldOption = "--hold-outbox";

    public static bool IsRequested(IReadOnlyList<string> args) =>
        args is { Count: > 0 } && string.Equals(args[0], Name, StringComparison.Ordinal);

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var hold = args.Count == 4 && args[3] == HoldOption;
        var from = args.Count is 3 or 4 && args[1] == "--from" && !string.IsNullOrWhiteSpace(args[2]) && (args.Count == 3 || hold) ? args[2] : null;
        if (from is null)
        {
            await error.WriteLineAsync($"Usage: {Name} --from <backup folder> [{HoldOption}]   (into this portal's data folder, which must hold no database)");
            return BackupCommand.Usage;
        }

        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider != Database.Sqlite)
        {
            await error.WriteLineAsync("This command restores SQLite. On SQL Server, use the server's own restore (docs/operations.md).");
            return BackupCommand.Usage;
        }

        var backupFolder = Path.GetFullPath(from);
        var source = Path.Combine(backupFolder, BackupCommand.FileName);
        if (!File.Exists(source))
        {
            await error.WriteLineAsync($"{source} does not exist: name a folder made by `{BackupCommand.Name} --to` (nothing was written).");
            return BackupCommand.Usage;
        }

        var connection = Database.SqliteConnectionString(services.GetRequiredService<IConfiguration>(),
            services.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
        var target = Path.GetFullPath(new SqliteConnectionStringBuilder(connection).DataSource);
        if (File.Exists(target))
        {
            await error.WriteLineAsync($"{target} already exists: restore into a data folder with no database (nothing was written).");
            return BackupCommand.AlreadyThere;
        }

        var report = await BackupCommand.CheckAsync(source);
        if (!report.IsSound)
        {
            await error.WriteLineAsync($"The backup at {source} failed its integrity check: {report.Integrity} (nothing was written).");
            return BackupCommand.Damaged;
        }

        var dataFolder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(dataFolder);
        await using (var read = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var write = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await read.OpenAsync();
            await write.OpenAsync();
            read.BackupDatabase(write);
        }

        foreach (var secret in BackupCommand.SecretFiles)
        {
            var secretFrom = Path.Combine(backupFolder, secret);
            var secretTo = Path.Combine(dataFolder, secret);
            if (File.Exists(secretFrom) && File.Exists(secretTo) && !File.ReadAllBytes(secretFrom).AsSpan().SequenceEqual(File.ReadAllBytes(secretTo)))
            {
                await output.WriteLineAsync($"Kept the data folder's own {secret}, which differs from the backup's: mandates sealed or signed with the backup's will not check until it is put back.");
            }
            else if (File.Exists(secretFrom) && !File.Exists(secretTo))
            {
                BackupCommand.CopySecret(secretFrom, secretTo);

                await output.WriteLineAsync($"Copied {secret}.");
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Restored {target} from {backupFolder}: {report.Requests} port requests, {report.Accounts} accounts; integrity_check: ok."));
        var (emails, webhooks) = await PendingAsync(target, hold);
        await output.WriteLineAsync(hold
            ? string.Create(CultureInfo.InvariantCulture, $"Held {emails} e-mails and {webhooks} webhook deliveries that were waiting at the backup: nothing goes out until they are sent on or discarded on /support/envois-retenus, or with `release-outbox` (`release-outbox --discard` to discard them).")
            : string.Create(CultureInfo.InvariantCulture, $"{emails} e-mails and {webhooks} webhook deliveries were waiting at the backup: the portal sends them when it starts (the live portal may have sent them already; `{HoldOption}` holds them)."));
        return BackupCommand.Done;
    }

    /// <summary>Counts what waits to be sent in the restored file and, when <paramref name="hold"/>, holds it (statuses are stored by name).</summary>
    private static async Task<(long Emails, long Webhooks)> PendingAsync(string database, bool hold)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync();
        async Task<long> Run(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = hold
                ? $"UPDATE \"{table}\" SET \"Status\" = 'Held' WHERE \"Status\" = 'Pending';"
                : $"SELECT COUNT(*) FROM \"{table}\" WHERE \"Status\" = 'Pending';";
            return hold ? await command.ExecuteNonQueryAsync() : (long)(await command.ExecuteScalarAsync() ?? 0L);
        }

        return (await Run("OutboxMessages"), await Run("WebhookDeliveries"));
    }
}
