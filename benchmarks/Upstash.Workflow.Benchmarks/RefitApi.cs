using Refit;

namespace Upstash.Workflow.Benchmarks;

/// <summary>The same calls as a Refit interface (System.Text.Json, Refit's default), on the floor's models.</summary>
[Headers("Authorization: Bearer")]
public interface IRefitWorkflowApi
{
    [Post("/v2/workflows/dlq/restart/{dlqId}")]
    Task<NewRun> RestartAsync(string dlqId, [Header("Upstash-Delay")] string? delay, [Header("Upstash-Label")] string? label, CancellationToken cancellationToken = default);

    [Get("/v2/workflows/dlq")]
    Task<DlqPage> ListDlqAsync([Query] string? label, CancellationToken cancellationToken = default);

    [Get("/v2/workflows/logs")]
    Task<LogsPage> ListLogsAsync([Query] string? state, CancellationToken cancellationToken = default);

    [Post("/v2/trigger/{workflowUrl}")]
    Task<NewRun> TriggerAsync(string workflowUrl, [Header("Upstash-Retries")] string? retries, [Body] Order order, CancellationToken cancellationToken = default);
}
