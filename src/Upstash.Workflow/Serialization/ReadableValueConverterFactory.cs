using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Upstash.Workflow.Serialization;

/// <summary>
/// The answers' plain values (booleans, numbers, base64 bytes), read by System.Text.Json's own
/// converters, with two differences: a value that does not fit says what it was ("expected an integer,
/// found "yesterday""), so an unreadable answer names the value as well as the field; and a number
/// sent quoted ("500", as some of what Upstash sends has it) is read as the number.
/// </summary>
/// <remarks>
/// Strings are left to System.Text.Json directly: wrapping its string converter took it off its fast
/// path (a DLQ page read 11% more bytes and took longer). A non-string where a string belongs is still
/// an <see cref="UpstashWorkflowException"/> naming the field, without quoting the value.
/// </remarks>
internal sealed class ReadableValueConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert == typeof(bool) || typeToConvert == typeof(int) || typeToConvert == typeof(long) ||
        typeToConvert == typeof(double) || typeToConvert == typeof(byte[]);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        typeToConvert == typeof(bool) ? new Readable<bool>(JsonMetadataServices.BooleanConverter, "true or false")
        : typeToConvert == typeof(int) ? new Readable<int>(JsonMetadataServices.Int32Converter, "an integer")
        : typeToConvert == typeof(long) ? new Readable<long>(JsonMetadataServices.Int64Converter, "an integer")
        : typeToConvert == typeof(double) ? new Readable<double>(JsonMetadataServices.DoubleConverter, "a number")
        : typeToConvert == typeof(byte[]) ? new Readable<byte[]?>(JsonMetadataServices.ByteArrayConverter, "base64 text")
        : null;

    /// <summary>The current token, as a reader would want it quoted in a message.</summary>
    internal static string Found(ref Utf8JsonReader reader)
    {
        const int Longest = 100;
        string Cut(string text) => text.Length > Longest ? text[..Longest] + "…" : text;
        return reader.TokenType switch
        {
            JsonTokenType.String => $"\"{Cut(reader.GetString() ?? "")}\"",
            JsonTokenType.Number => Cut(Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray())),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => "null",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "a list",
            var other => other.ToString(),
        };
    }

    private sealed class Readable<T>(JsonConverter<T> inner, string expected) : JsonConverter<T>
    {
        public override bool HandleNull => false;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped && Quoted(reader.ValueSpan, out var quoted))
            {
                return quoted;
            }
            try
            {
                return inner.Read(ref reader, typeToConvert, options);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException)
            {
                // A plain value's converter reads the current token without moving on, so it is still there to quote.
                throw new JsonException($"expected {expected}, found {Found(ref reader)}", e);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);

        /// <summary>A number in a string, read whole; the casts through object are erased for each value type T.</summary>
        private static bool Quoted(ReadOnlySpan<byte> text, out T? value)
        {
            int used;
            if (typeof(T) == typeof(int) && Utf8Parser.TryParse(text, out int i, out used) && used == text.Length)
            {
                value = (T)(object)i;
                return true;
            }
            if (typeof(T) == typeof(long) && Utf8Parser.TryParse(text, out long l, out used) && used == text.Length)
            {
                value = (T)(object)l;
                return true;
            }
            if (typeof(T) == typeof(double) && Utf8Parser.TryParse(text, out double d, out used) && used == text.Length && double.IsFinite(d))
            {
                value = (T)(object)d;
                return true;
            }
            value = default;
            return false;
        }

        // Map keys (header names) are strings too.
        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            inner.ReadAsPropertyName(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, [DisallowNull] T value, JsonSerializerOptions options) =>
            inner.WriteAsPropertyName(writer, value, options);
    }
}
