using Newtonsoft.Json;

namespace Upstash.Workflow.Serialization;

/// <summary>Made from its wire text: the generated extensible enumerations (see generator/templates/Enum.liquid).</summary>
internal interface IExtensibleEnum<TSelf>
    where TSelf : struct, IExtensibleEnum<TSelf>
{
    static abstract TSelf FromWire(string value);
}

/// <summary>
/// Reads and writes a generated extensible enumeration as its wire text. Any string is a value, known
/// or not; anything else is a <see cref="JsonSerializationException"/> naming where it stood.
/// </summary>
internal sealed class ExtensibleEnumConverter<T> : JsonConverter
    where T : struct, IExtensibleEnum<T>
{
    public override bool CanConvert(Type objectType) => objectType == typeof(T) || objectType == typeof(T?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) => reader.TokenType switch
    {
        JsonToken.String => T.FromWire((string)reader.Value!),
        JsonToken.Null when objectType == typeof(T?) => null,
        _ => throw new JsonSerializationException($"Expected a string for {typeof(T).Name} at '{reader.Path}', found {reader.TokenType} {reader.Value}."),
    };

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.WriteValue(value.ToString());
        }
    }
}
