using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

/// <summary>What the PDF check reads behind a stream's filters (issue 35, point 17), and what it leaves alone.</summary>
public class PdfFilterTests
{
    [Theory]
    [InlineData("/AHx")]
    [InlineData("/ASCIIHexDecode")]
    [InlineData("/A85")]
    [InlineData("[/AHx /Fl]")]
    [InlineData("[/ASCII85Decode /FlateDecode]")]
    [InlineData("/LZWDecode")]
    [InlineData("/RunLengthDecode")]
    [InlineData("[/A85 /LZW]")]
    public void An_action_in_an_object_stream_behind_any_filter_is_refused(string filters) =>
        Assert.Equal("Document.PdfActiveContent", Web.Infrastructure.Documents.PdfInspector.Problem(TestFiles.PdfWithJavaScriptInObjectStreamBehind(filters)));

    [Fact]
    public void Text_and_pictures_behind_any_filter_are_kept()
    {
        var hex = PdfSharp.Pdf.Filters.Filtering.Encode(TestFiles.Ascii("BT /F1 12 Tf (Facture de mars) Tj ET"), "/ASCIIHexDecode")!;
        byte[] pdf = [.. TestFiles.Ascii("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n2 0 obj<</Filter/AHx/Length " + hex.Length + ">>stream\n"), .. hex,
            .. TestFiles.Ascii("\nendstream\nendobj\n3 0 obj<</Filter/LZWDecode/Length 4>>stream\n\x80\x0b\x60\x50\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")];
        Assert.Null(Web.Infrastructure.Documents.PdfInspector.Problem(pdf));
    }
}
