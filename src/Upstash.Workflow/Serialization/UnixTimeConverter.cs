using System.Text.Json;
using System.Text.Json.Serialization;

namespace Upstash.Workflow.Serialization;

/// <summary>
/// Reads and writes <see cref="DateTimeOffset"/> as a whole number of Unix time units, the way the API sends
/// its points in time. The generator puts a subclass on exactly the fields the overlay marks
/// <c>x-unix-time</c>; they stay integers on the wire.
/// </summary>
internal abstract class UnixTimeConverter(string unit, string symbol, long unitsPerSecond) : JsonConverter<DateTimeOffset>
{
    // Made once: a read that succeeds allocates nothing.
    private readonly string _expected = $"a Unix time in {unit}";
    private readonly long _min = DateTimeOffset.MinValue.ToUnixTimeMilliseconds() / 1000 * unitsPerSecond;
    private readonly long _max = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() / 1000 * unitsPerSecond;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var units = WholeNumber.Read(ref reader, _expected);
        if (units < _min || units > _max)
        {
            throw new JsonException($"the Unix time {units} {symbol} is outside the range of DateTimeOffset");
        }
        return DateTimeOffset.FromUnixTimeMilliseconds(units * (1000 / unitsPerSecond));
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / (1000 / unitsPerSecond));
}

/// <summary>Unix time in milliseconds (<c>x-unix-time: milliseconds</c>): most of the API's timestamps.</summary>
internal sealed class UnixTimeMillisecondsConverter() : UnixTimeConverter("milliseconds", "ms", 1000);

/// <summary>Unix time in whole seconds (<c>x-unix-time: seconds</c>): a waiter's deadline.</summary>
internal sealed class UnixTimeSecondsConverter() : UnixTimeConverter("seconds", "s", 1);
