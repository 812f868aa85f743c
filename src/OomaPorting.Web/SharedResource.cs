namespace OomaPorting.Web;

/// <summary>
/// Marker for the portal's texts: <c>Resources/SharedResource.resx</c> is French (the default culture),
/// <c>Resources/SharedResource.en.resx</c> English.
/// </summary>
public sealed class SharedResource
{
}
