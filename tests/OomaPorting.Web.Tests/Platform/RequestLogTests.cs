using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

/// <summary>
/// The request line in the portal's JSON log file (issue 40, point 7: about 420 bytes a signed-in request, half of it
/// template, renderings and ids an operator never reads): what the client got, how long it took, who asked and the
/// trace id, in well under half of that, as the portal's own logging writes its file.
/// </summary>
public partial class RequestLogTests
{
    [Fact]
    public async Task A_request_line_says_method_path_status_time_user_and_trace_in_under_210_bytes_and_masks_tokens()
    {
        using var factory = new PortalFactory();
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/postes")).StatusCode);
        }

        await PortalClient.Anonymous(factory).GetAsync("/compte/invitation/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789");
        var folder = factory.DataFolder;

        var lines = Directory.GetFiles(Path.Combine(folder, "logs"), "*.json")
            .SelectMany(f => File.ReadAllLines(f)).Where(l => l.Length > 0).ToList();
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose()); // every line stays one JSON object

        var pages = lines.Where(l => l.Contains("\"@m\":\"GET /postes ", StringComparison.Ordinal)).ToList();
        Assert.InRange(pages.Count, 5, 7); // the five, and those the sign-in helper read
        foreach (var line in pages)
        {
            Assert.True(line.Length < 210, $"{line.Length} bytes: {line}");
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Assert.Equal(["@t", "@m", "@tr", "StatusCode", "UserId"], root.EnumerateObject().Select(p => p.Name));
            Assert.Matches(Elapsed(), root.GetProperty("@m").GetString());
            Assert.Equal(200, root.GetProperty("StatusCode").GetInt32());
            Assert.True(Guid.TryParse(root.GetProperty("UserId").GetString(), out _), line);
            Assert.Equal(32, root.GetProperty("@tr").GetString()!.Length);
        }

        var invitation = Assert.Single(lines, l => l.Contains("/compte/invitation/", StringComparison.Ordinal) && l.Contains("\"@m\"", StringComparison.Ordinal));
        Assert.DoesNotContain("AbCdEfGhIjKlMnOp", invitation, StringComparison.Ordinal);
        Assert.DoesNotContain("UserId", invitation, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^GET /postes 200 \d+\.\d ms$")]
    private static partial Regex Elapsed();
}
