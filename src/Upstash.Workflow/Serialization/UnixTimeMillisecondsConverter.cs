using System.Text.Json;
using System.Text.Json.Serialization;

namespace Upstash.Workflow.Serialization;

/// <summary>
/// Reads and writes <see cref="DateTimeOffset"/> as Unix time in milliseconds, the way the API sends
/// most of its timestamps. The generator puts it on exactly the fields the overlay marks
/// <c>x-unix-time: milliseconds</c>; they stay integers on the wire.
/// </summary>
internal sealed class UnixTimeMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var milliseconds = WholeNumber.Read(ref reader, "a Unix time in milliseconds");
        if (milliseconds < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw new JsonException($"the Unix time {milliseconds} ms is outside the range of DateTimeOffset");
        }
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds());
}
