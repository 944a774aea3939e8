using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Upstash.Workflow.Testing;

/// <summary>
/// How the emulator writes JSON, on its API and in what it delivers: compact, camelCase, nulls left out, and escaped only
/// where <c>JSON.stringify</c> escapes (quote, backslash, control characters). An SDK adapter may parse a delivery and
/// write it again before it checks the body's hash (the TypeScript SDK's Express adapter does), so a <c>"</c> written as
/// <c>\u0022</c>, or a <c>+</c> as <c>\u002B</c> (System.Text.Json's default), fails that check.
/// </summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
