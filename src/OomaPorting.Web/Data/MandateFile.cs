namespace OomaPorting.Web.Data;

/// <summary>
/// The mandate PDF exactly as it was signed when the customer confirmed the e-mailed code: every download, e-mail and
/// archive serves these bytes, so the evidence never changes (it used to be drawn and signed again at each download,
/// with the numbers' later fate and the download time in it). Kept in its own table so reading a mandate never loads
/// it; deleted with the mandate, and when the request's personal data are erased (it shows the drawn signature, the
/// IP address and the browser).
/// </summary>
public sealed class MandateFile
{
    public Guid MandateId { get; set; }

    public Guid AccountId { get; set; }

    public byte[] Pdf { get; set; } = [];
}
