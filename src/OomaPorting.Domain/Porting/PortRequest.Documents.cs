using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>The proof attached to a request: a bill of the current carrier for fixed numbers, a Kbis, any other document.</summary>
public sealed partial class PortRequest
{
    public const int MaxDocuments = 5;

    private readonly List<SupportingDocument> _documents = [];

    /// <summary>The attached documents (loaded only where needed: <see cref="DocumentCount"/> and <see cref="BillCount"/> are on the request).</summary>
    public IReadOnlyList<SupportingDocument> Documents => _documents;

    /// <summary>How many documents are attached, known without loading them.</summary>
    public int DocumentCount { get; private set; }

    /// <summary>How many of them are bills of the current carrier, known without loading them.</summary>
    public int BillCount { get; private set; }

    /// <summary>A fixed-number request needs a bill of the current carrier before it is signed.</summary>
    public bool LacksBill => NumberType == Porting.NumberType.Fixed && BillCount == 0;

    /// <summary>
    /// Attaches a document the portal has checked and stored: its type read from the content, its size and hash.
    /// At most <see cref="MaxDocuments"/>; only while the documents' step is open.
    /// </summary>
    public SupportingDocument AttachDocument(Actor actor, Guid documentId, DocumentKind kind, string? fileName, string contentType,
        long length, string sha256, DateTime nowUtc)
    {
        RequireEditable(actor, WizardSection.Documents);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Document.Kind.Required", "Say what the document is.");
        }

        if (DocumentCount >= MaxDocuments)
        {
            throw new DomainException("Document.TooMany", $"At most {MaxDocuments} documents per request.");
        }

        if (length <= 0)
        {
            throw new DomainException("Document.Empty", "The file is empty.");
        }

        if (length > SupportingDocument.MaxBytes)
        {
            throw new DomainException("Document.TooLarge", "The file is larger than 10 MB.");
        }

        var document = new SupportingDocument(this, documentId, kind, SupportingDocument.CleanFileName(fileName, contentType),
            contentType, length, sha256, actor.UserId, nowUtc);
        _documents.Add(document);
        DocumentCount++;
        if (kind == DocumentKind.CarrierBill)
        {
            BillCount++;
        }

        Touch(nowUtc);
        return document;
    }

    /// <summary>Removes an attached document (the documents must be loaded); only while the documents' step is open.</summary>
    public void RemoveDocument(Actor actor, Guid documentId, DateTime nowUtc)
    {
        RequireEditable(actor, WizardSection.Documents);
        var document = _documents.FirstOrDefault(d => d.Id == documentId)
            ?? throw new DomainException("Document.NotFound", "This document is not attached to the request.");
        _documents.Remove(document);
        DocumentCount--;
        if (document.Kind == DocumentKind.CarrierBill)
        {
            BillCount--;
        }

        Touch(nowUtc);
    }
}
