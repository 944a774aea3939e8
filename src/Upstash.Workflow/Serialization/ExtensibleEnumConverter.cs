using System.Text.Json;
using System.Text.Json.Serialization;

namespace Upstash.Workflow.Serialization;

/// <summary>Made from its wire text: the generated extensible enumerations (see generator/templates/Enum.liquid).</summary>
internal interface IExtensibleEnum<TSelf>
    where TSelf : struct, IExtensibleEnum<TSelf>
{
    static abstract TSelf FromWire(string value);
}

/// <summary>
/// Reads and writes a generated extensible enumeration as its wire text. Any string is a value, known
/// or not; anything else is a <see cref="JsonException"/> that says what was found.
/// </summary>
internal sealed class ExtensibleEnumConverter<T> : JsonConverter<T>
    where T : struct, IExtensibleEnum<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? T.FromWire(reader.GetString()!)
            : throw new JsonException($"expected a string for {typeof(T).Name}, found {ReadableValueConverterFactory.Found(ref reader)}");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
