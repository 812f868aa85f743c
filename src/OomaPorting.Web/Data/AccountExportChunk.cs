namespace OomaPorting.Web.Data;

/// <summary>One slice (256 KB at most) of an account export's archive, in order.</summary>
public sealed class AccountExportChunk
{
    public Guid ExportId { get; set; }

    public int Index { get; set; }

    public byte[] Data { get; set; } = [];
}
