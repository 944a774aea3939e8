using System.Text.Json.Nodes;

namespace Upstash.Workflow.Testing;

/// <summary>
/// Values read from what an endpoint publishes: a field of another kind than expected reads as absent, where a cast
/// would throw and turn a malformed message into a 500.
/// </summary>
internal static class JsonValues
{
    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static long? Long(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<long>(out var number) ? number
        : node is JsonValue other && other.TryGetValue<double>(out var real) && real == Math.Floor(real) && Math.Abs(real) < 9e15 ? (long)real
        : null;

    public static int? Int(JsonNode? node) => Long(node) is { } number and >= int.MinValue and <= int.MaxValue ? (int)number : null;

    public static bool? Bool(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;
}
