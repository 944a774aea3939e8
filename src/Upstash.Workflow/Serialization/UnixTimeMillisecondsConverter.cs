using System.Globalization;
using Newtonsoft.Json;

namespace Upstash.Workflow.Serialization;

/// <summary>
/// Reads and writes <see cref="DateTimeOffset"/> as Unix time in milliseconds, the way the API sends
/// its timestamps. The generator types exactly the fields the overlay marks <c>x-unix-time: milliseconds</c>
/// as <see cref="DateTimeOffset"/>; this converter keeps them integers on the wire.
/// </summary>
public sealed class UnixTimeMillisecondsConverter : JsonConverter
{
    /// <inheritdoc />
    public override bool CanConvert(Type objectType) =>
        objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null when objectType == typeof(DateTimeOffset?):
                return null;
            case JsonToken.Integer:
                return FromMilliseconds(Convert.ToInt64(reader.Value, CultureInfo.InvariantCulture), reader);
            // Some services send whole numbers as 1.725e12; accept them only when nothing is lost.
            case JsonToken.Float when reader.Value is double d && d == Math.Floor(d) && Math.Abs(d) <= long.MaxValue:
                return FromMilliseconds((long)d, reader);
            case JsonToken.String when long.TryParse((string?)reader.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms):
                return FromMilliseconds(ms, reader);
            default:
                throw new JsonSerializationException($"Expected a Unix time in milliseconds at '{reader.Path}', found {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTimeOffset time)
        {
            writer.WriteValue(time.ToUnixTimeMilliseconds());
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static DateTimeOffset FromMilliseconds(long milliseconds, JsonReader reader)
    {
        try
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new JsonSerializationException($"The Unix time {milliseconds} ms at '{reader.Path}' is outside the range of DateTimeOffset.");
        }
    }
}
