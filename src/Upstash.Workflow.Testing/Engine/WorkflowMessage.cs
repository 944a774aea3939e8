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

    public string? RunId => Header(Wire.RunId);

    public bool Init => Header(Wire.Init) == "true";

    public string CallType => Header(Wire.CallType) ?? Wire.Step;

    /// <summary>The endpoint's own re-trigger of a run the service first delivered as to an unknown SDK: not a duplicate.</summary>
    public bool TriggeredBySdk => Header(Wire.TriggeredBySdk) == "true";

    public bool Invoke => Header(Wire.Invoke) == "true";

    public string WorkflowUrl => Header(Wire.WorkflowUrl) ?? Destination;

    public string? ContentType => Header("Content-Type");

}
