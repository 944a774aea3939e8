using System.Text.Json;
using System.Text.Json.Serialization;

namespace Upstash.Workflow.Serialization;

/// <summary>
/// Reads and writes <see cref="TimeSpan"/> as a whole number of seconds (a flow-control key's rate
/// period); the generator puts it on the fields the overlay marks <c>x-duration: seconds</c>.
/// </summary>
internal sealed class DurationSecondsConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var seconds = WholeNumber.Read(ref reader, "a number of seconds");
        if (seconds < 0 || seconds > TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerSecond)
        {
            throw new JsonException($"{seconds} s is not a length of time this client can hold");
        }
        return TimeSpan.FromSeconds(seconds);
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Ticks / TimeSpan.TicksPerSecond);
}
