namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>
/// What a message says, before it is laid out as text and HTML: the paragraphs, then the list (the last paragraph
/// announces it, so the list follows it directly), then what comes after the list.
/// </summary>
public sealed record EmailContent(string Subject, string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Items,
    string? LinkUrl, string? LinkText)
{
    /// <summary>Paragraphs after the list.</summary>
    public IReadOnlyList<string> After { get; init; } = [];
}
