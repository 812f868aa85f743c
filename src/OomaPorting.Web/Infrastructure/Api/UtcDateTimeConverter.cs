using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>
/// Every instant of the API and webhooks as RFC 3339 UTC with its <c>Z</c> (<c>2026-12-06T11:25:24.176Z</c>): the
/// portal keeps its times in UTC, but a time read back from the database has no kind, and System.Text.Json would then
/// write it without an offset, which no client can place in time. Read: any RFC 3339 time, turned into UTC.
/// </summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().UtcDateTime;

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        writer.WriteStringValue(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
