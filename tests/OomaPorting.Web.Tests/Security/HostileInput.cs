namespace OomaPorting.Web.Tests.Security;

/// <summary>Values an attacker, a broken client or a confused user sends. Over 200 of them.</summary>
public static class HostileInput
{
    public static IReadOnlyList<string> Corpus { get; } = Build();

    /// <summary>
    /// The run's seed for <see cref="Sample"/>: <c>OOMAPORTING_HOSTILE_SEED</c> to replay a run, else a new one each
    /// run (every failure message prints it). Set <c>OOMAPORTING_HOSTILE_ALL=1</c> to send the whole corpus everywhere.
    /// </summary>
    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("OOMAPORTING_HOSTILE_SEED"), out var seed)
        ? seed : Random.Shared.Next();

    /// <summary>
    /// The values that once found a defect (a 500, markup echoed raw, a value that broke a page): every run sends
    /// them to every field, whatever the sample.
    /// </summary>
    public static IReadOnlyList<string> Regressions { get; } = [.. Corpus.Where(v =>
        v.Contains('<', StringComparison.Ordinal) || v.Contains('\u0000', StringComparison.Ordinal) || v.StartsWith('/')
        || v.Length >= 3_000 || v.Contains('\uD800', StringComparison.Ordinal) || v.Contains('\r', StringComparison.Ordinal)
        || v.Contains('%', StringComparison.Ordinal) || v.Contains('\u202E', StringComparison.Ordinal) || v is "" or " " or "-1" or "2026-02-30")];

    /// <summary>
    /// What one field gets over HTTP in this run: <see cref="Regressions"/> and <paramref name="count"/> other values of
    /// the corpus drawn with <see cref="Seed"/> and <paramref name="salt"/> (the field), so each run covers another part of
    /// it and a failure is replayed from its seed. The whole corpus goes through every validator in memory
    /// (<see cref="HostileValidatorTests"/>).
    /// </summary>
    public static IReadOnlyList<string> Sample(string salt, int count = 20)
    {
        if (Environment.GetEnvironmentVariable("OOMAPORTING_HOSTILE_ALL") == "1")
        {
            return Corpus;
        }

        var random = new Random(HashCode.Combine(Seed, StableHash(salt)));
        var others = Corpus.Except(Regressions).OrderBy(_ => random.Next()).Take(count);
        return [.. Regressions, .. others];
    }

    private static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c));

    private static List<string> Build()
    {
        var values = new List<string>
        {
            // Script and HTML injection.
            "<script>alert(1)</script>", "\"><script>alert(1)</script>", "'><img src=x onerror=alert(1)>", "<svg/onload=alert(1)>",
            "javascript:alert(1)", "<iframe src=//evil.example>", "</textarea><script>alert(1)</script>", "<b>gras</b>",
            "{{7*7}}", "${7*7}", "@(1+1)", "<!--", "]]>", "<a href=\"javascript:alert(1)\">x</a>", "&lt;script&gt;", "%3Cscript%3E",
            "<style>*{display:none}</style>", "<meta http-equiv=refresh content=0;url=//evil.example>", "<form action=//evil.example>",
            "\" autofocus onfocus=alert(1) x=\"",
            // Local addresses a redirect header cannot carry as they are (they once answered 500).
            "/é", "/😀", "/a\u202Eb", "/portage/statut?x=é",
            // SQL metacharacters.
            "' OR '1'='1", "'; DROP TABLE PortRequests;--", "\" OR 1=1 --", "1; SELECT * FROM AspNetUsers", "%' --", "admin'--",
            "1' UNION SELECT NULL,NULL--", "')) OR (('1'='1", "\\'; --", "0x27", "' AND SLEEP(5)--", "1 OR 1=1", "'||'", "`id`", "[dbo]",
            "%", "_", "*", "?", "\\",
            // Unicode confusables, right-to-left override, zero-width and control characters.
            "Jean\u202EnaeJ", "\u202Eabc", "Marie\u200BMartin", "\u200D", "\uFEFFMarie", "\u2066Martin\u2069", "Ｍａｒｉｅ", "Маrie",
            "Pаris", "0\u200B1 23 45 67 89", "01\u00A023\u00A045\u00A067\u00A089", "01\u202F23 45 67 89", "\u0000", "abc\u0000def",
            "\u0007", "\u001B[31mrouge", "ligne1\r\nligne2", "\r\n\r\nHTTP/1.1 200 OK", "\t", "\u2028", "\u2029", "\uFFFD", "\uD800",
            "e\u0301", "ﬁ", "Ǆ", "İ", "ß", "\u0301",
            // Emoji and other scripts.
            "😀", "👨‍👩‍👧‍👦", "🇫🇷", "Jean 😀 Dupont", "𝕄𝕒𝕣𝕚𝕖", "日本語", "مرحبا", "שלום", "Ελληνικά", "한국어",
            // Lengths.
            "", " ", "   ", new string('a', 10_000), new string('9', 10_000), new string('<', 5_000), new string('é', 3_000),
            string.Concat(Enumerable.Repeat("01 23 45 67 89,", 500)), new string(' ', 1_000) + "x",
            // Malformed numbers.
            "0", "01", "0123456789012", "+33", "+33 0 1 23 45 67 89", "0033 0 1 23 45 67 89", "+44 20 7946 0958", "+262 262 12 34 56",
            "08 00 00 00 00", "08 92 00 00 00", "00 00 00 00 00", "10 23 45 67 89", "01-23-45-67-8a", "01.23.45.67.89.", "(01) 23 45 67 89",
            "+33(0)123456789", "tel:+33123456789", "1e10", "0x1F", "٠١٢٣٤٥٦٧٨٩", "０１２３４５６７８９", "01 23 45 67 89 ext 12", "+", "++33 1 23 45 67 89",
            "+33 6 12 34 56 78", "07 00 00 00 00", "09 99 99 99 99", "05 00 00 00 00", "01 23 45 67 8", "+33123456789012345",
            // Malformed RIOs.
            "F0X123456PVT ", "f0x123456pvt", "F0X12345PVT", "F0X1234567PVT", "F0X123456PV", "F0X123456PVTT", "F0X123456P+T", "F0X123456+++",
            "F0X-23456PVT", "F0X 123 456 PVT", "ZZZZZZZZZZZZ", "000000000000", "F0X123456PVÉ", "F0X123456\u0000VT", "RIO", "null", "undefined",
            "NaN", "true", "false",
            // Numbers out of range.
            "-1", "-2147483649", "2147483648", "9223372036854775808", "-9223372036854775809", "1e308", "-0", "0.0", "1,5", "Infinity",
            "99999999999999999999999999999999", "0001", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
            Guid.NewGuid().ToString(), "not-a-guid", "[]", "{}", "[object Object]", "{\"a\":1}",
            // Dates out of range or malformed.
            "0001-01-01", "9999-12-31", "1899-12-31", "2026-02-30", "2026-13-01", "2026-00-10", "26-12-01", "01/12/2026", "2026-12-01T25:00",
            "2026-12-1", "2026-12-01Z", "1970-01-01", "2100-01-01", "2026-12-05", "2026-12-25", "hier", "demain", "-2026-12-01", "+002026-12-01",
            "2026/12/01",
            // Paths, formats, protocol oddities.
            "../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow", "file:///etc/passwd", "%00", "%2e%2e%2f", "{0}", "{0:D99999}",
            "%s%s%s%s%n", "%x", "\\u0000", "&#0;", "&#x3C;script&#x3E;", "\"", "'", "`", ";", "|", "&&", "$(reboot)", "`reboot`",
            "Fixed", "Mobile", "AUTRE", "F0", "AdslVdsl", "Yes", "keep", "passed", "failed-new-date", "HolderMismatch", "Submitted",
        };

        // Mixed: every injection wrapped in plausible text.
        values.AddRange(values.Take(20).Select(v => "Boulangerie " + v + " Martin").ToList());
        return values;
    }
}
