using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Upstash.Workflow.Serialization;

/// <summary>
/// Reads and writes the answers' URLs (the fields the overlay marks <c>format: uri</c>) as <see cref="Uri"/>.
/// The entries of one page mostly repeat a few URLs (the workflow's, the failure callback's), so the last
/// few URLs read on a thread are kept, by their JSON text: one read again is the same immutable
/// <see cref="Uri"/>, without a string or a parse. A DLQ page then reads its URLs typed for less than it
/// took to read them as strings.
/// </summary>
/// <remarks>
/// What is kept is only what this thread read last, and only as long as the thread lives; the values are
/// the answers' own, which the caller holds anyway.
/// </remarks>
internal sealed class UriConverter : JsonConverter<Uri>
{
    private const int Kept = 4;

    [ThreadStatic]
    private static (byte[] Text, Uri Value)[]? t_recent;

    [ThreadStatic]
    private static int t_next;

    public override Uri Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected a URL, found {ReadableValueConverterFactory.Found(ref reader)}");
        }
        var recent = t_recent ??= new (byte[], Uri)[Kept];
        foreach (var (text, value) in recent)
        {
            if (text is not null && reader.ValueTextEquals(text))
            {
                return value;
            }
        }
        var read = reader.GetString()!;
        if (!Uri.TryCreate(read, UriKind.RelativeOrAbsolute, out var uri))
        {
            throw new JsonException($"expected a URL, found {ReadableValueConverterFactory.Found(ref reader)}");
        }
        recent[t_next] = (Encoding.UTF8.GetBytes(read), uri);
        t_next = (t_next + 1) % Kept;
        return uri;
    }

    public override void Write(Utf8JsonWriter writer, Uri value, JsonSerializerOptions options) => writer.WriteStringValue(value.OriginalString);
}
