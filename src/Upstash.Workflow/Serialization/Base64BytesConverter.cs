using Newtonsoft.Json;

namespace Upstash.Workflow.Serialization;

/// <summary>
/// Reads and writes <c>format: byte</c> fields (<see cref="byte"/>[]) as base64 text. Text that is not
/// base64 is a <see cref="JsonSerializationException"/> naming the field and the text, where Json.NET's
/// own reading would stop at the field name with a bare <see cref="FormatException"/>.
/// </summary>
internal sealed class Base64BytesConverter : JsonConverter<byte[]?>
{
    /// <inheritdoc />
    public override byte[]? ReadJson(JsonReader reader, Type objectType, byte[]? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.String:
                var text = (string)reader.Value!;
                try
                {
                    return Convert.FromBase64String(text);
                }
                catch (FormatException e)
                {
                    throw new JsonSerializationException($"Expected base64 text at '{reader.Path}', found \"{text}\".", e);
                }
            default:
                throw new JsonSerializationException($"Expected base64 text at '{reader.Path}', found {reader.TokenType} {reader.Value}.");
        }
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, byte[]? value, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.WriteValue(Convert.ToBase64String(value));
        }
    }
}
