using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Upstash.Workflow.Serialization;

/// <summary>
/// Reads and writes <see cref="DateTimeOffset"/> as Unix time in milliseconds, the way the API sends
/// its timestamps. The generator types exactly the fields the overlay marks <c>x-unix-time: milliseconds</c>
/// as <see cref="DateTimeOffset"/>; this converter keeps them integers on the wire.
/// </summary>
internal sealed class UnixTimeMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        long milliseconds;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out milliseconds):
                break;
            // Some services send whole numbers as 1.725e12; accept them only when nothing is lost.
            case JsonTokenType.Number when reader.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < long.MaxValue:
                milliseconds = (long)d;
                break;
            case JsonTokenType.String when Utf8Parser.TryParse(reader.ValueSpan, out milliseconds, out var used) && used == reader.ValueSpan.Length:
                break;
            default:
                throw new JsonException($"expected a Unix time in milliseconds, found {ReadableValueConverterFactory.Found(ref reader)}");
        }
        if (milliseconds < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw new JsonException($"the Unix time {milliseconds} ms is outside the range of DateTimeOffset");
        }
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds());
}
