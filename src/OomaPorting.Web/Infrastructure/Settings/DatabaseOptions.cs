using System.ComponentModel.DataAnnotations;

namespace OomaPorting.Web.Infrastructure.Settings;

/// <summary>The <c>Database</c> section: the one provider switch and how start-up migrates.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary><see cref="Infrastructure.Database.Sqlite"/> (default) or <see cref="Infrastructure.Database.SqlServer"/>.</summary>
    public string Provider { get; set; } = Infrastructure.Database.Sqlite;

    /// <summary>SQL Server only: apply pending migrations at start-up (SQLite always does).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>SQLite: a migration lock older than this is the leftover of an interrupted start and is removed.</summary>
    [Range(1, 24 * 60, ErrorMessage = "Database:StaleMigrationLockMinutes must be between 1 and 1440.")]
    public int StaleMigrationLockMinutes { get; set; } = 10;

    /// <summary>SQLite: flush every commit (<see cref="SqliteDurability.Full"/>, default) or at checkpoints only.</summary>
    public SqliteDurability SqliteDurability { get; set; } = SqliteDurability.Full;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider is not (Infrastructure.Database.Sqlite or Infrastructure.Database.SqlServer))
        {
            yield return new ValidationResult(
                $"Database:Provider '{Provider}' is unknown: use {Infrastructure.Database.Sqlite} or {Infrastructure.Database.SqlServer}.",
                [nameof(Provider)]);
        }

        if (!Enum.IsDefined(SqliteDurability))
        {
            yield return new ValidationResult(
                $"Database:SqliteDurability '{SqliteDurability}' is unknown: use {SqliteDurability.Full} or {SqliteDurability.Normal}.",
                [nameof(SqliteDurability)]);
        }
    }
}
