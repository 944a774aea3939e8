using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Upstash.Workflow;

/// <summary>
/// The body of a trigger or notify call, which the API takes as text, JSON or bytes. The media type
/// goes with it: <c>text/plain</c>, <c>application/json</c> or <c>application/octet-stream</c>.
/// </summary>
public abstract class WorkflowPayload
{
    /// <summary>The JSON rules a workflow endpoint written in TypeScript expects: camelCase names (System.Text.Json's web defaults).</summary>
    private static readonly JsonSerializerOptions WebDefaults = new(JsonSerializerDefaults.Web);

    private WorkflowPayload()
    {
    }

    /// <summary>UTF-8 text, sent as <c>text/plain</c>.</summary>
    /// <param name="text">The payload, sent as UTF-8 <c>text/plain</c>.</param>
    public static WorkflowPayload Text(string text) => new TextPayload(text ?? throw new ArgumentNullException(nameof(text)));

    /// <summary>
    /// A value serialized to JSON with System.Text.Json, sent as <c>application/json</c>: with
    /// <paramref name="options"/>, or else the web defaults (camelCase names, as a TypeScript endpoint reads them).
    /// For trimmed or native AOT applications, use the overload that takes a <see cref="JsonTypeInfo{T}"/>.
    /// </summary>
    /// <param name="value">What to serialize.</param>
    /// <param name="options">How to serialize it; the web defaults (camelCase) when null.</param>
    [RequiresUnreferencedCode("Serializes with reflection; use Json(value, JsonTypeInfo<T>) from a JsonSerializerContext when trimming.")]
    [RequiresDynamicCode("Serializes with reflection; use Json(value, JsonTypeInfo<T>) from a JsonSerializerContext for native AOT.")]
    public static WorkflowPayload Json<T>(T value, JsonSerializerOptions? options = null) =>
        new JsonPayload(JsonSerializer.SerializeToUtf8Bytes(value, options ?? WebDefaults));

    /// <summary>A value serialized to JSON with the metadata of a <c>JsonSerializerContext</c>, sent as <c>application/json</c>; trimming- and AOT-safe.</summary>
    /// <param name="value">What to serialize.</param>
    /// <param name="typeInfo">Its type's metadata from a <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>: no reflection, safe for trimming and native AOT.</param>
    public static WorkflowPayload Json<T>(T value, JsonTypeInfo<T> typeInfo) =>
        new JsonPayload(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo ?? throw new ArgumentNullException(nameof(typeInfo))));

    /// <summary>JSON text as it is, sent as <c>application/json</c>.</summary>
    /// <param name="json">JSON text, sent as is with <c>application/json</c>.</param>
    public static WorkflowPayload RawJson(string json) => new TextPayload(json ?? throw new ArgumentNullException(nameof(json)), "application/json");

    /// <summary>Bytes as they are, sent as <c>application/octet-stream</c>.</summary>
    /// <param name="bytes">The payload, sent as is with <c>application/octet-stream</c>.</param>
    public static WorkflowPayload Bytes(ReadOnlyMemory<byte> bytes) => new BytesPayload(bytes, "application/octet-stream");

    /// <summary>The media type the body is sent as.</summary>
    public abstract string MediaType { get; }

    /// <summary>The request content; the generated client calls this right before sending.</summary>
    internal abstract HttpContent ToHttpContent();

    private sealed class TextPayload(string text, string mediaType = "text/plain") : WorkflowPayload
    {
        public override string MediaType => mediaType;

        internal override HttpContent ToHttpContent() => new StringContent(text, new UTF8Encoding(false), mediaType);
    }

    // Serialized when made, so a value that cannot be written fails where it is given, not mid-send.
    private sealed class JsonPayload(byte[] json) : WorkflowPayload
    {
        public override string MediaType => "application/json";

        internal override HttpContent ToHttpContent()
        {
            var content = new ByteArrayContent(json);
            content.Headers.ContentType = new MediaTypeHeaderValue(MediaType, "utf-8");
            return content;
        }
    }

    private sealed class BytesPayload(ReadOnlyMemory<byte> bytes, string mediaType) : WorkflowPayload
    {
        public override string MediaType => mediaType;

        internal override HttpContent ToHttpContent()
        {
            var content = new ReadOnlyMemoryContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(MediaType);
            return content;
        }
    }
}
