namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// A browser's User-Agent told as a person recognises it ("Firefox, Windows"), for the sessions list. Display only: a
/// User-Agent is whatever the client says, so nothing is decided from it. Unknown parts are left out.
/// </summary>
public static class DeviceName
{
    // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
    private static readonly (string Token, string Name)[] Browsers =
        [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari"), ("curl/", "curl")];

    private static readonly (string Token, string Name)[] Systems =
        [("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"), ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux")];

    public static string? Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        return (browser, system) switch
        {
            (null, null) => null,
            (_, null) => browser,
            (null, _) => system,
            _ => $"{browser}, {system}",
        };
    }
}
