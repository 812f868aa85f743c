namespace OomaPorting.Domain.Accounts;

/// <summary>What an API key may do for its account: read only, or read and write (an admin's actions, never support's).</summary>
public enum ApiKeyRole
{
    Read = 1,
    ReadWrite = 2,
}
