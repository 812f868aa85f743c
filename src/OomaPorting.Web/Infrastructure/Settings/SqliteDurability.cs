namespace OomaPorting.Web.Infrastructure.Settings;

/// <summary>
/// <c>Database:SqliteDurability</c>: what SQLite promises once a write is acknowledged (its <c>synchronous</c> pragma,
/// with WAL). docs/operations.md says what each choice risks.
/// </summary>
public enum SqliteDurability
{
    /// <summary>
    /// <c>synchronous=FULL</c> (default): every commit is flushed to the disk before the portal answers, so an
    /// acknowledged submission survives a power cut or a kernel crash, not only a killed process.
    /// </summary>
    Full,

    /// <summary>
    /// <c>synchronous=NORMAL</c>: flushed at checkpoints only. The file stays consistent, and a killed process loses
    /// nothing, but a power cut may lose the last commits before the last checkpoint.
    /// </summary>
    Normal,
}
