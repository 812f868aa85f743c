using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace OomaPorting.Web.Features.Errors;

public sealed record ErrorViewModel(int StatusCode, string Reference)
{
    /// <summary>A 403 for a page of the support desk's (its words say whose the page is).</summary>
    public bool SupportPage { get; init; }

    /// <summary>For a 413: the size the page accepts, in whole megabytes (rounded down), when known.</summary>
    public long? LimitMegabytes { get; init; }
}
