using Newtonsoft.Json.Linq;

namespace Upstash.Workflow.Generator.Spec;

/// <summary>
/// Reads a value of the spec where it may hold anything: upstream's file, an overlay or a C# configuration can put an
/// object where text belongs, or text where a flag does. A value of another kind reads as absent; the shape checks
/// (<see cref="DocumentShape"/>, <see cref="SpecChecker"/>) report what matters, and nothing that reads throws.
/// </summary>
public static class JsonAccess
{
    /// <summary>The text under <paramref name="key"/>; null when missing or not text.</summary>
    public static string? StringAt(this JToken? node, string key) => (node as JObject)?[key].AsString();

    /// <summary>The flag under <paramref name="key"/>; null when missing or not a boolean.</summary>
    public static bool? FlagAt(this JToken? node, string key) => (node as JObject)?[key] is JValue { Type: JTokenType.Boolean, Value: bool flag } ? flag : null;

    /// <summary>The whole number under <paramref name="key"/>; null when missing, not a number, or not whole.</summary>
    public static long? IntegerAt(this JToken? node, string key) => (node as JObject)?[key] switch
    {
        JValue { Type: JTokenType.Integer, Value: long value } => value,
        JValue { Type: JTokenType.Integer, Value: System.Numerics.BigInteger } => null,
        JValue { Type: JTokenType.Float, Value: double value } when value == Math.Floor(value) && Math.Abs(value) < 9e18 => (long)value,
        _ => null,
    };

    /// <summary>The token as text; null when it is not text.</summary>
    public static string? AsString(this JToken? token) => token is JValue { Type: JTokenType.String, Value: string text } ? text : null;
}
