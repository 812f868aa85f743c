using System.Text;
using OomaPorting.Domain.Common;
using SkiaSharp;

namespace OomaPorting.Web.Tests.Features.PortingStatus;

/// <summary>
/// The other half of the mandate's letters (issue 35, point 21): every character a field printed on the mandate
/// accepts (<see cref="DomainText.IsMandateText"/>) has a glyph in both faces of the font the mandate embeds, read from
/// the font files the portal ships, so nothing accepted is drawn as an empty box.
/// </summary>
public class MandateFontTests
{
    [Theory]
    [InlineData("DejaVuSans")]
    [InlineData("DejaVuSans-Bold")]
    public void Every_character_a_mandate_field_accepts_has_a_glyph_in_the_embedded_font(string face)
    {
        using var stream = typeof(Web.Infrastructure.Pdf.MandatePdf).Assembly.GetManifestResourceStream($"OomaPorting.Web.Fonts.{face}.ttf")!;
        using var data = SKData.Create(stream);
        using var typeface = SKTypeface.FromData(data);
        Assert.NotNull(typeface);
        var accepted = 0;
        var missing = new List<string>();
        for (var code = 0x20; code <= 0x2FFF; code++)
        {
            var text = char.ConvertFromUtf32(code);
            if (!DomainText.IsMandateText(text) || DomainText.HasHiddenCharacters(text) || Rune.GetUnicodeCategory(new Rune(code)) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue; // refused by the fields, or a combining accent (drawn on the letter before it)
            }

            accepted++;
            if (typeface.GetGlyph(code) == 0)
            {
                missing.Add($"U+{code:X4} {text}");
            }
        }

        Assert.True(accepted > 1000, $"only {accepted} characters checked");
        Assert.True(missing.Count == 0, $"{missing.Count} of {accepted} accepted characters have no glyph in {face}: {string.Join(", ", missing.Take(40))}");
    }
}
