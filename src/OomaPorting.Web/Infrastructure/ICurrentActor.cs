namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// Who sends the command being handled, as the domain sees them. Slices ask this, never the HTTP context: a slice can
/// then be sent from a page, a test or a background job alike.
/// </summary>
public interface ICurrentActor
{
    /// <summary>The signed-in user with their highest role; throws when nobody is signed in.</summary>
    Actor Actor { get; }

    /// <summary>The signed-in user's account; a support agent or an anonymous visitor has none.</summary>
    Guid? AccountId { get; }

    /// <summary>Where the command came from, recorded with a signature: the client's address and browser.</summary>
    ClientInfo Client { get; }

    /// <summary>Whether the session was opened with a second factor (authenticator or recovery code).</summary>
    bool UsedSecondFactor { get; }

    /// <summary>The API key the command came with (its id), when it came through the API; null from a page or a job.</summary>
    Guid? ApiKeyId { get; }

    /// <summary>The public id of the session serving this request ("Mon compte" marks it "this device"); null without one.</summary>
    Guid? SessionId { get; }
}

