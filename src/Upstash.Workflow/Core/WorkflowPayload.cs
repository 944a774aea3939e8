using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;

namespace Upstash.Workflow;

/// <summary>
/// The body of a trigger or notify call, which the API takes as text, JSON or bytes. The media type
/// goes with it: <c>text/plain</c>, <c>application/json</c> or <c>application/octet-stream</c>.
/// </summary>
public abstract class WorkflowPayload
{
    private WorkflowPayload()
    {
    }

    /// <summary>UTF-8 text, sent as <c>text/plain</c>.</summary>
    public static WorkflowPayload Text(string text) => new TextPayload(text ?? throw new ArgumentNullException(nameof(text)));

    /// <summary>A value serialized to JSON with the client's settings, sent as <c>application/json</c>.</summary>
    public static WorkflowPayload Json(object? value) => new JsonPayload(value);

    /// <summary>JSON text as it is, sent as <c>application/json</c>.</summary>
    public static WorkflowPayload RawJson(string json) => new TextPayload(json ?? throw new ArgumentNullException(nameof(json)), "application/json");

    /// <summary>Bytes as they are, sent as <c>application/octet-stream</c>.</summary>
    public static WorkflowPayload Bytes(ReadOnlyMemory<byte> bytes) => new BytesPayload(bytes);

    /// <summary>The media type the body is sent as.</summary>
    public abstract string MediaType { get; }

    /// <summary>The request content; the generated client calls this right before sending.</summary>
    public abstract HttpContent ToHttpContent(JsonSerializerSettings settings);

    private sealed class TextPayload(string text, string mediaType = "text/plain") : WorkflowPayload
    {
        public override string MediaType => mediaType;

        public override HttpContent ToHttpContent(JsonSerializerSettings settings) =>
            new StringContent(text, new UTF8Encoding(false), mediaType);
    }

    private sealed class JsonPayload(object? value) : WorkflowPayload
    {
        public override string MediaType => "application/json";

        public override HttpContent ToHttpContent(JsonSerializerSettings settings) =>
            new StringContent(JsonConvert.SerializeObject(value, settings), new UTF8Encoding(false), MediaType);
    }

    private sealed class BytesPayload(ReadOnlyMemory<byte> bytes) : WorkflowPayload
    {
        public override string MediaType => "application/octet-stream";

        public override HttpContent ToHttpContent(JsonSerializerSettings settings)
        {
            var content = new ReadOnlyMemoryContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(MediaType);
            return content;
        }
    }
}
