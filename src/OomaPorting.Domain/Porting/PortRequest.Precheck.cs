using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// Support's pre-check: before a request goes to the losing carrier, support compares its documents with what the
/// admin typed (holder, address, account number, SIRET) and marks them checked, or sends the request back with a
/// reason ("facture illisible ou trop ancienne", "SIRET incorrect", ...). A FOC date waits for the check.
/// </summary>
public sealed partial class PortRequest
{
    /// <summary>When support checked the documents of the current submission; null until then (and again after a resubmission).</summary>
    public DateTime? DocumentsCheckedAtUtc { get; private set; }

    /// <summary>Submitted and waiting for support's pre-check ("à vérifier").</summary>
    public bool AwaitsDocumentsCheck => Status == PortRequestStatus.Submitted && DocumentsCheckedAtUtc is null;

    /// <summary>Support marks the documents checked ("Pièces vérifiées"): the request may now go to the carrier.</summary>
    public void CheckDocuments(Actor actor, DateTime nowUtc, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireMay(PortAction.CheckDocuments, actor, nowUtc); // once per submission
        var note = DomainText.Clean(comment, "Comment", MaxCommentLength, required: false);

        DocumentsCheckedAtUtc = nowUtc;
        var e = Record(actor, nowUtc, PortRequestEventKind.DocumentsChecked, Status);
        e.Comment = NullIfEmpty(note);
    }
}
