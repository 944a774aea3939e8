using System.Text.Json;
using System.Text.Json.Serialization;

namespace Upstash.Workflow.Serialization;

/// <summary>
/// Reads and writes <see cref="DateTimeOffset"/> as Unix time in whole seconds (a waiter's deadline);
/// the generator puts it on the fields the overlay marks <c>x-unix-time: seconds</c>.
/// </summary>
internal sealed class UnixTimeSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var seconds = WholeNumber.Read(ref reader, "a Unix time in seconds");
        if (seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new JsonException($"the Unix time {seconds} s is outside the range of DateTimeOffset");
        }
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
}
