using System.Globalization;
using Microsoft.Extensions.Options;
using OomaPorting.Domain.Numbers;
using OomaPorting.Web.Infrastructure.Mandates;
using OomaPorting.Web.Infrastructure.Settings;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;

namespace OomaPorting.Web.Infrastructure.Pdf;

/// <summary>
/// The signed porting mandate as a PDF: holder, address, carrier, account number, every number with its RIO, the
/// terms exactly as signed, the signer, the date and the SHA-256 that makes any later change detectable. The file is
/// digitally signed by the portal (PDFsharp's signing, a detached PKCS#7 over the whole file): any PDF reader shows
/// whether a byte changed since.
/// </summary>
public sealed class MandatePdf(MandateSigningCertificate signing, IOptions<MandateOptions> options)
{
    private const double Margin = 50;

    /// <summary>
    /// Draws and signs the mandate the customer has just confirmed and keeps the file with the caller's changes (saved in
    /// the same transaction as the submission): from then on it is what <see cref="SignedAsync"/> serves.
    /// </summary>
    public async Task KeepAsync(AppDbContext db, PortRequest request, Mandate mandate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(mandate);
        var company = await db.Accounts.IgnoreQueryFilters().Where(a => a.Id == request.AccountId).Select(a => a.CompanyName).FirstAsync(ct);
        var hasTemporary = await db.AccountNumbers.IgnoreQueryFilters()
            .AnyAsync(n => n.AccountId == request.AccountId && n.Kind == Domain.Accounts.AccountNumberKind.Temporary, ct);
        db.MandateFiles.Add(new MandateFile { MandateId = mandate.Id, AccountId = mandate.AccountId, Pdf = await RenderAsync(request, mandate, company, hasTemporary) });
    }

    /// <summary>
    /// The mandate's PDF as it was signed (<see cref="MandateFile"/>, whether saved already or about to be). A mandate
    /// without one (signed before the portal kept files, or whose personal data were erased) is drawn from what is stored.
    /// </summary>
    public async Task<byte[]> SignedAsync(AppDbContext db, PortRequest request, Mandate mandate, string companyName, bool accountHasTemporaryNumber,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mandate);
        var kept = db.MandateFiles.Local.FirstOrDefault(f => f.MandateId == mandate.Id)?.Pdf
            ?? await db.MandateFiles.IgnoreQueryFilters().AsNoTracking().Where(f => f.MandateId == mandate.Id).Select(f => f.Pdf).FirstOrDefaultAsync(ct);
        return kept ?? await RenderAsync(request, mandate, companyName, accountHasTemporaryNumber);
    }

    /// <param name="accountHasTemporaryNumber">Whether the account still has its temporary number: the mandate says what
    /// becomes of it only then (or when the customer asked to keep it), never for an account that has none.</param>
    private async Task<byte[]> RenderAsync(PortRequest request, Mandate mandate, string companyName, bool accountHasTemporaryNumber)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(mandate);
        EmbeddedFontResolver.EnsureInstalled();
        var en = mandate.TermsVersion.EndsWith("-en", StringComparison.Ordinal);
        string L(string fr, string english) => en ? english : fr;
        var colon = L(" : ", ": "); // French puts a space before the colon, English does not
        var culture = CultureInfo.GetCultureInfo(en ? "en-GB" : "fr-FR");

        using var document = new PdfDocument();

        // Uncompressed, with Latin text in WinAnsi: the mandate stays readable by any tool (and by our tests) byte for byte.
        document.Options.CompressContentStreams = false;
        document.Info.Title = $"{L("Mandat de portage", "Porting mandate")} {request.Reference}";
        document.Info.Author = "Ooma Office";
        var writer = new Writer(document);

        writer.Heading(L("Mandat de portage de numéros", "Number porting mandate"), 16);
        writer.Line($"{L("Référence", "Reference")}{colon}{request.Reference}", bold: true);
        writer.Line($"{L("Compte Ooma Office", "Ooma Office account")}{colon}{companyName}");
        writer.Line($"{L("Mandataire", "Mandated party")}{colon}{options.Value.LegalEntityName}, {options.Value.LegalEntityAddress}");
        writer.Space();

        writer.Heading(L("Titulaire de la ligne", "Line holder"), 12);
        writer.Line($"{request.AccountHolder?.FirstName} {request.AccountHolder?.LastName}");
        if (request.AccountHolder?.CompanyName is { } company)
        {
            writer.Line(company);
        }

        if (request.AccountHolder?.Siret is { } siret)
        {
            writer.Line($"SIRET{colon}{siret.Display}");
        }

        var a = request.ServiceAddress;
        writer.Line(a?.StreetLine ?? string.Empty);
        writer.Line($"{a?.PostalCode} {a?.City}");
        writer.Space();

        writer.Heading(L("Opérateur actuel", "Current carrier"), 12);
        // A listed carrier with its code (F0, 01 …); a carrier named by the customer by its name alone.
        writer.Line(request.CarrierCode == Carrier.OtherCode ? request.CarrierDisplayName ?? string.Empty : $"{request.CarrierDisplayName} ({request.CarrierCode})");
        writer.Line($"{L("Numéro de compte", "Account number")}{colon}{request.CarrierAccountNumber?.Value}");
        writer.Line($"{L("Type de numéros", "Number type")}{colon}{(request.NumberType == NumberType.Mobile ? L("mobile", "mobile") : L("fixe", "fixed"))}");
        writer.Space();

        writer.Heading(L("Numéros à porter", "Numbers to port"), 12);
        // Each number with a RIO in full; the others by runs of consecutive numbers (a block of 1,000 SDA numbers is one
        // line): the mandate names every number either way.
        var lines = request.Lines.OrderBy(l => l.Position).ToList();
        foreach (var line in lines.Where(l => l.IsMainLine || l.Rio is not null))
        {
            var main = line.IsMainLine ? L(" (ligne principale)", " (main line)") : string.Empty;
            writer.Line($"{line.Number.Display}{main}    RIO{colon}{line.Rio?.Value ?? "—"}");
        }

        foreach (var block in NumberBlock.Group(lines.Where(l => !l.IsMainLine && l.Rio is null).Select(l => l.Number)))
        {
            writer.Line(block.Count == 1
                ? block.First.Display
                : $"{block.First.Display} {L("à", "to")} {block.Last.Display} ({block.Count} {L("numéros", "numbers")})");
        }

        writer.Line($"{L("Numéro principal Ooma après le portage", "Main Ooma number after the port")}{colon}" +
            (request.MainOomaNumber?.Display ?? L("numéro principal actuel conservé", "current main number kept")));
        if (request.KeepTemporaryNumber || accountHasTemporaryNumber)
        {
            writer.Line($"{L("Numéro temporaire", "Temporary number")}{colon}" +
                (request.KeepTemporaryNumber ? L("conservé comme numéro virtuel", "kept as a virtual number") : L("libéré à la fin du portage", "released when the port completes")));
        }
        writer.Space();

        var termsStart = mandate.CanonicalText.IndexOf("\nterms:\n", StringComparison.Ordinal);
        var terms = termsStart < 0 ? string.Empty : mandate.CanonicalText[(termsStart + 8)..].TrimEnd();
        writer.Heading(L("Conditions acceptées", "Terms accepted") + $" ({Display.TermsVersion(mandate.TermsVersion, culture)})", 12);
        foreach (var paragraph in terms.Split('\n'))
        {
            writer.Paragraph(paragraph.Trim(), 9);
        }

        writer.Space();
        writer.Heading(L("Signature", "Signature"), 12);
        writer.Line($"{L("Signé par", "Signed by")}{colon}{mandate.SignerName}" +
            (mandate.SignerCapacity is { } capacity ? $", {L("en qualité de", "as")} {Capacity(capacity, en)}" : string.Empty));
        if (mandate.SignerCapacity is not null)
        {
            writer.Line(L("Le signataire a déclaré être habilité à engager le titulaire.", "The signer declared being authorised to commit the holder."));
        }

        writer.Line($"{L("Le", "On")} {Display.DateTime(mandate.SignedAtUtc, culture)} ({L("heure de Paris", "Paris time")}), " +
            $"{mandate.SignedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC");
        if (mandate.Confirmation is { } confirmation)
        {
            writer.Line(L($"Signature confirmée par le code envoyé à {confirmation.Email}, saisi le {Display.DateTime(confirmation.AtUtc, culture)} (heure de Paris)",
                $"Signature confirmed by the code sent to {confirmation.Email}, typed on {Display.DateTime(confirmation.AtUtc, culture)} (Paris time)") +
                $", {confirmation.AtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC.");
        }
        if (mandate.DrawnSignaturePng is { } png)
        {
            writer.Image(png);
        }

        writer.Space();
        writer.Paragraph($"{L("Empreinte SHA-256 du mandat", "Mandate SHA-256 fingerprint")}{colon}{mandate.Sha256}", 8);
        writer.Paragraph($"{L("Adresse IP", "IP address")}{colon}{mandate.ClientAddress ?? "—"}", 8);
        writer.Paragraph($"{L("Navigateur", "Browser")}{colon}{mandate.UserAgent ?? "—"}", 8);
        writer.Paragraph(L($"Ce document est signé électroniquement par le portail Ooma Office ({signing.Certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false)}) : votre lecteur PDF indique s'il a été modifié depuis.",
            $"This document is digitally signed by the Ooma Office portal ({signing.Certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false)}): your PDF reader shows whether it was changed since."), 8);

        writer.Finish();

        // An invisible signature over the whole file, made while saving (PDFsharp reserves its place, then fills it).
        DigitalSignatureHandler.ForDocument(document, new PdfSharpDefaultSigner(signing.Certificate, PdfMessageDigestType.SHA256, null),
            new DigitalSignatureOptions
            {
                Reason = L($"Mandat de portage {request.Reference} signé par {mandate.SignerName}", $"Porting mandate {request.Reference} signed by {mandate.SignerName}"),
                Location = options.Value.LegalEntityName,
                ContactInfo = "Ooma Office",
                AppName = "Ooma Office",
                PageIndex = document.PageCount - 1,
                Rectangle = new XRect(0, 0, 0, 0),
            });
        using var output = new MemoryStream();
        await document.SaveAsync(output, closeStream: false);
        return output.ToArray();
    }

    private static string Capacity(SignerCapacity capacity, bool en) => capacity.Kind switch
    {
        SignerCapacityKind.Manager => en ? "manager (gérant)" : "gérant(e)",
        SignerCapacityKind.President => en ? "president" : "président(e)",
        SignerCapacityKind.ChiefExecutive => en ? "chief executive (directeur général)" : "directeur ou directrice général(e)",
        SignerCapacityKind.AuthorisedEmployee => en ? "employee authorised by the company" : "salarié(e) mandaté(e) par l'entreprise",
        _ => capacity.Detail ?? string.Empty,
    };

    /// <summary>Top-to-bottom text layout with word wrap and page breaks.</summary>
    private sealed class Writer(PdfDocument document)
    {
        private XGraphics? _gfx;
        private PdfPage? _page;
        private double _y;

        private double Width => _page!.Width.Point - (2 * Margin);

        public void Heading(string text, double size)
        {
            Ensure(size * 2);
            _y += size * 0.4;
            Draw(text, Font(text, size, bold: true), size * 1.4);
        }

        public void Line(string text, bool bold = false) =>
            Paragraph(text, 10, bold);

        public void Paragraph(string text, double size, bool bold = false)
        {
            var font = Font(text, size, bold);
            foreach (var line in Wrap(text, font))
            {
                Draw(line, font, size * 1.35);
            }
        }

        public void Space() => _y += 8;

        /// <summary>WinAnsi when every character has a Windows-1252 code (searchable text), Unicode otherwise (any name renders).</summary>
        private static XFont Font(string text, double size, bool bold)
        {
            var style = bold ? XFontStyleEx.Bold : XFontStyleEx.Regular;
            var encoding = text.All(IsWinAnsi) ? PdfSharp.Pdf.PdfFontEncoding.WinAnsi : PdfSharp.Pdf.PdfFontEncoding.Unicode;
            return new XFont(EmbeddedFontResolver.Family, size, style, new XPdfFontOptions(encoding));
        }

        private static bool IsWinAnsi(char c) =>
            c is >= ' ' and <= '~' || (c >= '\u00A0' && c <= '\u00FF') || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".Contains(c, StringComparison.Ordinal);

        public void Image(byte[] png)
        {
            try
            {
                using var stream = new MemoryStream(png);
                using var image = XImage.FromStream(stream);
                var width = Math.Min(200, image.PointWidth);
                var height = image.PointWidth > 0 ? image.PointHeight * width / image.PointWidth : 60;
                Ensure(height + 4);
                _gfx!.DrawImage(image, Margin, _y, width, height);
                _y += height + 4;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or IOException)
            {
                Paragraph("(signature dessinée illisible / unreadable drawn signature)", 8);
            }
        }

        public void Finish() => _gfx?.Dispose();

        private void Draw(string text, XFont font, double lineHeight)
        {
            Ensure(lineHeight);
            _gfx!.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, Width, lineHeight), XStringFormats.TopLeft);
            _y += lineHeight;
        }

        private void Ensure(double height)
        {
            if (_page is null || _y + height > _page.Height.Point - Margin)
            {
                _gfx?.Dispose();
                _page = document.AddPage();
                _page.Size = PdfSharp.PageSize.A4;
                _gfx = XGraphics.FromPdfPage(_page);
                _y = Margin;
            }
        }

        private IEnumerable<string> Wrap(string text, XFont font)
        {
            Ensure(0);
            if (text.Length == 0)
            {
                yield return string.Empty;
                yield break;
            }

            var current = string.Empty;
            foreach (var word in text.Split(' '))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (_gfx!.MeasureString(candidate, font).Width <= Width || current.Length == 0)
                {
                    current = candidate;
                }
                else
                {
                    yield return current;
                    current = word;
                }
            }

            yield return current;
        }
    }
}
