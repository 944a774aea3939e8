namespace Upstash.Workflow.Testing;

/// <summary>
/// A message published to the emulator (a <c>/v2/batch</c> item or a <c>/v2/publish</c> request), with the headers
/// the workflow protocol reads from it. Header names are case-insensitive, as they arrive lower case in batch items.
/// </summary>
internal sealed class WorkflowMessage(string destination, IEnumerable<KeyValuePair<string, string>> headers, byte[] body)
{
    private readonly Dictionary<string, string> _headers = headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase);

    public string Destination { get; } = destination;

    public byte[] Body { get; } = body;

    public IReadOnlyDictionary<string, string> Headers => _headers;

    public string? Header(string name) => _headers.TryGetValue(name, out var value) ? value : null;

    public string? RunId => Header("Upstash-Workflow-RunId");

    public bool Init => Header("Upstash-Workflow-Init") == "true";

    public string CallType => Header("Upstash-Workflow-CallType") ?? "step";

    /// <summary>The endpoint's own re-trigger of a run the service first delivered as to an unknown SDK: not a duplicate.</summary>
    public bool TriggeredBySdk => Header("upstash-workflow-trigger-by-sdk") == "true";

    public bool Invoke => Header("Upstash-Workflow-Invoke") == "true";

    public string WorkflowUrl => Header("Upstash-Workflow-Url") ?? Destination;

    public string? ContentType => Header("Content-Type");

    /// <summary>What the message's headers set (retries, retry delay, forwarded headers, …), read as a trigger's are; a malformed value reads as absent.</summary>
    public RunSettings Settings => _settings ??= RunSettings.Read(_headers, out _);

    private RunSettings? _settings;
}
