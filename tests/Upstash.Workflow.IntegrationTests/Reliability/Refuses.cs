using System.Text.Json.Nodes;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Reliability;

/// <summary>
/// What the client must refuse before sending, written from the documented rules (docs/reliability.md)
/// and the spec's bounds, not from the client's code: the bad-input properties hold the client to it
/// both ways.
/// </summary>
public static class Refuses
{
    /// <summary>The spec's maximum for a DLQ page's count.</summary>
    private static readonly long MaximumCount = JsonNode.Parse(File.ReadAllText(Repository.CommittedEffectiveSpec))!
        ["paths"]!["/v2/workflows/dlq"]!["get"]!["parameters"]!.AsArray()
        .Single(p => (string?)p!["name"] == "count")!["schema"]!["maximum"]!.GetValue<long>();

    /// <summary>An empty or blank id, '.' or '..', or one with a control character.</summary>
    public static bool PathId(string value) =>
        string.IsNullOrWhiteSpace(value) || value is "." or ".." || value.Any(char.IsControl);

    /// <summary>Anything but printable ASCII and tabs, or white space at either end (HTTP drops it).</summary>
    public static bool HeaderValue(string value) =>
        value.Any(c => c != '\t' && c is < ' ' or > '~') || (value.Length > 0 && (IsSpaceOrTab(value[0]) || IsSpaceOrTab(value[^1])));

    /// <summary>A retry delay expression: not blank, at most 256 characters, a valid header value.</summary>
    public static bool RetryDelayExpression(string value) =>
        string.IsNullOrWhiteSpace(value) || value.Length > 256 || HeaderValue(value);

    /// <summary>A label sent in the comma-joined Upstash-Label header: not blank, no comma, a valid header value.</summary>
    public static bool Label(string value) =>
        string.IsNullOrWhiteSpace(value) || value.Contains(',', StringComparison.Ordinal) || HeaderValue(value);

    /// <summary>A query list: empty, or with a blank item. Anything else is percent-encoded and arrives as given.</summary>
    public static bool QueryList(IReadOnlyCollection<string> values) => values.Count == 0 || values.Any(string.IsNullOrWhiteSpace);

    public static bool Count(int count) => count > MaximumCount;

    /// <summary>Workflow durations are whole seconds, not negative.</summary>
    public static bool Duration(TimeSpan value) => value < TimeSpan.Zero || value.Ticks % TimeSpan.TicksPerSecond != 0;

    /// <summary>The parameter a flow-control value is refused for, or null: at least one part, each at least 1, a period of whole seconds.</summary>
    public static string? FlowControl(int? parallelism, int? rate, TimeSpan? period) =>
        parallelism is null && rate is null && period is null ? "parallelism"
        : parallelism < 1 ? "parallelism"
        : rate < 1 ? "rate"
        : period is { } p && (p <= TimeSpan.Zero || p.Ticks % TimeSpan.TicksPerSecond != 0) ? "period"
        : null;

    private static bool IsSpaceOrTab(char c) => c is ' ' or '\t';
}
