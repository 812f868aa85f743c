namespace OomaPorting.Web.Infrastructure.Documents;

/// <summary>What <see cref="DocumentInspector"/> decided: the bytes to store with their type and hash, or a refusal's code.</summary>
public sealed record InspectedDocument(string ContentType, byte[] Content, string Sha256, string? Problem)
{
    public static InspectedDocument Refused(string problem) => new(string.Empty, [], string.Empty, problem);
}
