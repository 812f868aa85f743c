namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>What a message says, before it is laid out as text and HTML.</summary>
public sealed record EmailContent(string Subject, string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Items,
    string? LinkUrl, string? LinkText);
