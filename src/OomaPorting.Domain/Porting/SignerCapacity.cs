using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>The signer's capacity as the mandate states it.</summary>
public sealed record SignerCapacity
{
    public const int MaxDetailLength = 100;

    private const string DetailField = "Signer.CapacityDetail";

    private SignerCapacity(SignerCapacityKind kind, string? detail)
    {
        Kind = kind;
        Detail = detail;
    }

    public SignerCapacityKind Kind { get; }

    /// <summary>The capacity in the signer's words, for <see cref="SignerCapacityKind.Other"/> only.</summary>
    public string? Detail { get; }

    public static readonly SignerCapacity Manager = new(SignerCapacityKind.Manager, null);

    /// <summary>Why <paramref name="kind"/> (the form's value) is not a capacity (<c>Signer.Capacity.Required</c>), or null.</summary>
    public static string? CheckKind(string? kind) =>
        kind is not null && Enum.GetNames<SignerCapacityKind>().Contains(kind, StringComparer.Ordinal) ? null : "Signer.Capacity.Required";

    /// <summary>Why <paramref name="detail"/> cannot go with <paramref name="kind"/>: required (and short, plain text) for "other", ignored otherwise.</summary>
    public static string? CheckDetail(SignerCapacityKind kind, string? detail) =>
        kind == SignerCapacityKind.Other ? DomainText.Problem(detail, DetailField, MaxDetailLength) ?? DomainText.UnprintableProblem(detail, DetailField) : null;

    public static SignerCapacity Create(SignerCapacityKind kind, string? detail = null)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Signer.Capacity.Required", "Choose the signer's capacity.");
        }

        return kind == SignerCapacityKind.Other
            ? new(kind, DomainText.Clean(detail, DetailField, MaxDetailLength))
            : new(kind, null);
    }

    public static SignerCapacity Parse(string kind, string? detail) =>
        CheckKind(kind) is { } problem
            ? throw new DomainException(problem, "Choose the signer's capacity.")
            : Create(Enum.Parse<SignerCapacityKind>(kind), detail);

    /// <summary>As the canonical text writes it: <c>Manager</c>, or <c>Other | directrice administrative</c>.</summary>
    public override string ToString() => Detail is null ? Kind.ToString() : $"{Kind} | {Detail}";
}
