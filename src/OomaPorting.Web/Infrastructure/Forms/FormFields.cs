using Microsoft.AspNetCore.Mvc;

namespace OomaPorting.Web.Infrastructure.Forms;

/// <summary>
/// Where a form's messages go: <see cref="Prefix"/> when the form's inputs are named after a nested command
/// (<c>Command.FocDate</c>) or when a page holds several forms (<c>SetFocDate.FocDate</c>, the error summary links to
/// <c>#SetFocDate_FocDate</c>); <see cref="DomainErrorField"/> for a domain refusal (the whole form when empty).
/// </summary>
public sealed record FormFields(string? Prefix, string DomainErrorField = "")
{
    public static readonly FormFields Unprefixed = new(Prefix: null);

    /// <summary>The wizard's steps name their inputs <c>Command.*</c>.</summary>
    public static readonly FormFields Command = new(nameof(Command));
}
