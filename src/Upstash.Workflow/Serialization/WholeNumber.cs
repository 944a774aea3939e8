using System.Buffers.Text;
using System.Text.Json;

namespace Upstash.Workflow.Serialization;

/// <summary>The whole numbers of typed values (Unix times, seconds), however the service writes them.</summary>
internal static class WholeNumber
{
    /// <summary>
    /// An integer, a whole number written as 1.725e12, or one in a string (some answers quote them);
    /// anything else is a <see cref="JsonException"/> that says it expected <paramref name="expected"/> and what it found.
    /// </summary>
    public static long Read(ref Utf8JsonReader reader, string expected)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return number;
            // Accepted only when nothing is lost.
            case JsonTokenType.Number when reader.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < long.MaxValue:
                return (long)d;
            case JsonTokenType.String when Utf8Parser.TryParse(reader.ValueSpan, out long quoted, out var used) && used == reader.ValueSpan.Length:
                return quoted;
            default:
                throw new JsonException($"expected {expected}, found {ReadableValueConverterFactory.Found(ref reader)}");
        }
    }
}
