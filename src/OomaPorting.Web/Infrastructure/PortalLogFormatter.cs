using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Json;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// The JSON log file's format: compact log event format (CLEF, one JSON object a line, read by Seq, <c>jq</c> and most
/// log shippers), with each request's own line cut to what an operator reads it for. A request line is
/// <c>{"@t":…,"@m":"GET /postes 200 3.0 ms","@tr":…,"StatusCode":200,"UserId":…}</c> (plus <c>@l</c> and <c>@x</c>
/// when it is not Information): the method, path and time rendered once in the message instead of a template, its
/// properties and their renderings; no span, source, request or connection id (the trace id ties the request's other
/// lines together). About 170 bytes a signed-in request where the library's own form wrote 420. Every other event is
/// written by <see cref="CompactJsonFormatter"/> unchanged.
/// </summary>
public sealed class PortalLogFormatter : ITextFormatter
{
    private const string RequestLogger = "Serilog.AspNetCore.RequestLoggingMiddleware";
    private static readonly JsonValueFormatter Values = new(typeTagName: "$type");
    private readonly CompactJsonFormatter _compact = new(Values);

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        if (!IsRequestLine(logEvent))
        {
            _compact.Format(logEvent, output);
            return;
        }

        output.Write("{\"@t\":\"");
        output.Write(logEvent.Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        output.Write("\",\"@m\":");
        var p = logEvent.Properties;
        var elapsed = p.TryGetValue("Elapsed", out var e) && e is ScalarValue { Value: double ms } ? ms : 0;
        JsonValueFormatter.WriteQuotedJsonString(
            $"{Text(p, "RequestMethod")} {Text(p, "RequestPath")} {p["StatusCode"]} {elapsed.ToString("0.0", CultureInfo.InvariantCulture)} ms", output);
        if (logEvent.Level != LogEventLevel.Information)
        {
            output.Write(",\"@l\":\"");
            output.Write(logEvent.Level);
            output.Write('"');
        }

        if (logEvent.Exception is { } exception)
        {
            output.Write(",\"@x\":");
            JsonValueFormatter.WriteQuotedJsonString(exception.ToString(), output);
        }

        if (logEvent.TraceId is { } trace)
        {
            output.Write(",\"@tr\":\"");
            output.Write(trace.ToHexString());
            output.Write('"');
        }

        foreach (var name in (string[])["StatusCode", "UserId"])
        {
            if (p.TryGetValue(name, out var value))
            {
                output.Write(",\"");
                output.Write(name);
                output.Write("\":");
                Values.Format(value, output);
            }
        }

        output.Write('}');
        output.Write('\n');
    }

    private static bool IsRequestLine(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: RequestLogger }
        && logEvent.Properties.ContainsKey("StatusCode") && logEvent.Properties.ContainsKey("RequestPath");

    private static string Text(IReadOnlyDictionary<string, LogEventPropertyValue> properties, string name) =>
        properties.TryGetValue(name, out var value) && value is ScalarValue { Value: string s } ? s : "?";
}
