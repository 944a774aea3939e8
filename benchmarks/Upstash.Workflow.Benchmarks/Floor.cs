using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Upstash.Workflow.Benchmarks;

/// <summary>
/// The floor: each call written by hand with HttpClient and System.Text.Json's source generator, as a
/// careful developer would without any generator: a cached authorization value, requests built directly,
/// answers read asynchronously. No checks, no error mapping, no deadline: what a call cannot cost less than.
/// </summary>
internal sealed class FloorClient(HttpClient http, Uri baseAddress, string token)
{
    private readonly string _authorization = "Bearer " + token;

    public FloorClient(HttpClient http)
        : this(http, Canned.BaseAddress, Canned.Token)
    {
    }

    public async Task<NewRun> RestartAsync(string dlqId, string delay, string label, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "v2/workflows/dlq/restart/" + Uri.EscapeDataString(dlqId)));
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.TryAddWithoutValidation("Upstash-Delay", delay);
        request.Headers.TryAddWithoutValidation("Upstash-Label", label);
        return await SendAsync(request, FloorJson.Default.NewRun, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DlqPage> ListDlqAsync(string label, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, "v2/workflows/dlq?label=" + Uri.EscapeDataString(label)));
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        return await SendAsync(request, FloorJson.Default.DlqPage, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LogsPage> ListLogsAsync(string state, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, "v2/workflows/logs?state=" + Uri.EscapeDataString(state)));
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        return await SendAsync(request, FloorJson.Default.LogsPage, cancellationToken).ConfigureAwait(false);
    }

    public async Task<NewRun> TriggerAsync(Uri workflowUrl, Order order, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "v2/trigger/" + Uri.EscapeDataString(workflowUrl.AbsoluteUri)));
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.TryAddWithoutValidation("Upstash-Retries", "3");
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(order, FloorJson.Default.Order));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return await SendAsync(request, FloorJson.Default.NewRun, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return (await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false))!;
    }
}

/// <summary>The payload the trigger benchmarks send.</summary>
public sealed record Order(int OrderId, string Customer, IReadOnlyList<OrderLine> Lines);

/// <summary>One line of <see cref="Order"/>.</summary>
public sealed record OrderLine(string Sku, int Qty);

// The floor's own models: the fields the spec declares, typed as a hand-written client would type them.
#pragma warning disable CS1591
public sealed class NewRun
{
    public string WorkflowRunId { get; set; } = "";
    public long WorkflowCreatedAt { get; set; }
}

public sealed class DlqPage
{
    public string? Cursor { get; set; }
    public List<DlqEntry> Messages { get; set; } = [];
}

public sealed class DlqEntry
{
    public string DlqId { get; set; } = "";
    public string WorkflowUrl { get; set; } = "";
    public string WorkflowRunId { get; set; } = "";
    public long WorkflowCreatedAt { get; set; }
    public string? Url { get; set; }
    public string? Method { get; set; }
    public Dictionary<string, List<string>>? Header { get; set; }
    public string? Body { get; set; }
    public string? BodyBase64 { get; set; }
    public int? MaxRetries { get; set; }
    public long? CreatedAt { get; set; }
    public string? FailureCallback { get; set; }
    public string? CallerIP { get; set; }
    public string? Label { get; set; }
    public List<string>? Labels { get; set; }
    public string? FlowControlKey { get; set; }
    public string? FailureFunctionState { get; set; }
    public int? ResponseStatus { get; set; }
    public Dictionary<string, List<string>>? ResponseHeader { get; set; }
    public string? ResponseBody { get; set; }
    public string? ResponseBodyBase64 { get; set; }
}

public sealed class LogsPage
{
    public string? Cursor { get; set; }
    public List<LogRun> Runs { get; set; } = [];
}

public sealed class LogRun
{
    public string WorkflowRunId { get; set; } = "";
    public string WorkflowUrl { get; set; } = "";
    public string WorkflowState { get; set; } = "";
    public long WorkflowRunCreatedAt { get; set; }
    public long? WorkflowRunCompletedAt { get; set; }
    public string? WorkflowRunCallerIp { get; set; }
    public string? WorkflowRunResponse { get; set; }
    public List<string>? Labels { get; set; }
    public string? FlowControlKey { get; set; }
    public List<LogStepGroup>? Steps { get; set; }
}

public sealed class LogStepGroup
{
    public string? Type { get; set; }
    public List<LogStep>? Steps { get; set; }
}

public sealed class LogStep
{
    public long StepId { get; set; }
    public string? StepName { get; set; }
    public string? StepType { get; set; }
    public string? CallType { get; set; }
    public string? MessageId { get; set; }
    public string? State { get; set; }
    public long? CreatedAt { get; set; }
    public string? Out { get; set; }
    public string? CallUrl { get; set; }
    public string? CallMethod { get; set; }
    public Dictionary<string, List<string>>? CallHeaders { get; set; }
    public long? CallResponseStatus { get; set; }
    public Dictionary<string, List<string>>? CallResponseHeaders { get; set; }
    public int? Retries { get; set; }
}
#pragma warning restore CS1591

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(NewRun))]
[JsonSerializable(typeof(DlqPage))]
[JsonSerializable(typeof(LogsPage))]
[JsonSerializable(typeof(Order))]
internal sealed partial class FloorJson : JsonSerializerContext;
