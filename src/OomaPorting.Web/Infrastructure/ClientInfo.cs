namespace OomaPorting.Web.Infrastructure;

/// <summary>The client's network address and browser, as the request gave them (either may be unknown).</summary>
public sealed record ClientInfo(string? IpAddress, string? UserAgent);
