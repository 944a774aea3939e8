namespace Microsoft.Extensions.DependencyInjection
{
    public static class UpstashWorkflowServiceCollectionExtensions
    {
        public const string HttpClientName = "Upstash.Workflow";
        public static Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddUpstashWorkflowClient(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration) { }
        public static Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddUpstashWorkflowClient(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, System.Action<Upstash.Workflow.UpstashWorkflowClientOptions>? configure = null) { }
    }
}
namespace Upstash.Workflow
{
    public class BadRequestException : Upstash.Workflow.UpstashWorkflowException
    {
        public BadRequestException(string message) { }
    }
    public class BatchTriggerItem
    {
        public BatchTriggerItem() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("body")]
        public string? Body { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("destination")]
        [System.Text.Json.Serialization.JsonRequired]
        public required System.Uri Destination { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("headers")]
        public System.Collections.Generic.IDictionary<string, string> Headers { get; set; }
    }
    public class BatchTriggerResult
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public BatchTriggerResult() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("deduplicated")]
        public bool? Deduplicated { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter))]
        [System.Text.Json.Serialization.JsonPropertyName("workflowCreatedAt")]
        [System.Text.Json.Serialization.JsonRequired]
        public required System.DateTimeOffset WorkflowCreatedAt { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunId")]
        [System.Text.Json.Serialization.JsonRequired]
        public required string WorkflowRunId { get; set; }
    }
    public class BulkRunAgainResult
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public BulkRunAgainResult() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("cursor")]
        public string? Cursor { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowRuns")]
        [System.Text.Json.Serialization.JsonRequired]
        public required System.Collections.Generic.IList<Upstash.Workflow.StartedRun> WorkflowRuns { get; set; }
    }
    public sealed class CancelFailureCallbackOptions
    {
        public CancelFailureCallbackOptions() { }
    }
    public sealed class CancelWorkflowRunOptions
    {
        public CancelWorkflowRunOptions() { }
    }
    public class CancelWorkflowRunsResult
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public CancelWorkflowRunsResult() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("cancelled")]
        [System.Text.Json.Serialization.JsonRequired]
        public required int Cancelled { get; set; }
    }
    public sealed class DeleteFailedRunOptions
    {
        public DeleteFailedRunOptions() { }
    }
    public class DeleteFailedRunsResult
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public DeleteFailedRunsResult() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("cursor")]
        public string? Cursor { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("deleted")]
        [System.Text.Json.Serialization.JsonRequired]
        public required long Deleted { get; set; }
    }
    public class DlqClient
    {
        protected DlqClient() { }
        public System.Threading.Tasks.Task CancelFailureCallbackAsync(string dlqId, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task CancelFailureCallbackAsync(string dlqId, Upstash.Workflow.CancelFailureCallbackOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task DeleteFailedRunAsync(string dlqId, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task DeleteFailedRunAsync(string dlqId, Upstash.Workflow.DeleteFailedRunOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.DeleteFailedRunsResult> DeleteFailedRunsAsync(System.Collections.Generic.IEnumerable<string>? dlqIds = null, string? cursor = null, int? count = default, Upstash.Workflow.FailedRunFilter? filter = null, bool all = false, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Collections.Generic.IAsyncEnumerable<Upstash.Workflow.DeleteFailedRunsResult> DeleteFailedRunsInBatchesAsync(System.Collections.Generic.IEnumerable<string>? dlqIds = null, int? count = default, Upstash.Workflow.FailedRunFilter? filter = null, bool all = false, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task<Upstash.Workflow.WorkflowDlqMessage> GetFailedRunAsync(string dlqId, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.WorkflowDlqMessage> GetFailedRunAsync(string dlqId, Upstash.Workflow.GetFailedRunOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual Upstash.Workflow.UpstashPageable<Upstash.Workflow.WorkflowDlqMessage> GetFailedRunsAsync(int? count = default, Upstash.Workflow.FailedRunFilter? filter = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.FailedRunsPage> ListFailedRunsAsync(string? cursor = null, int? count = default, Upstash.Workflow.FailedRunFilter? filter = null, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task<Upstash.Workflow.RestartWorkflowResult> RestartWorkflowAsync(string dlqId, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.RestartWorkflowResult> RestartWorkflowAsync(string dlqId, Upstash.Workflow.RestartWorkflowOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.BulkRunAgainResult> RestartWorkflowsAsync(System.Collections.Generic.IEnumerable<string>? dlqIds = null, string? cursor = null, int? count = default, Upstash.Workflow.FailedRunFilter? filter = null, Upstash.Workflow.RestartWorkflowsOptions? options = null, bool all = false, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual Upstash.Workflow.UpstashPageable<Upstash.Workflow.StartedRun> RestartWorkflowsInBatchesAsync(System.Collections.Generic.IEnumerable<string>? dlqIds = null, int? count = default, Upstash.Workflow.FailedRunFilter? filter = null, Upstash.Workflow.RestartWorkflowsOptions? options = null, bool all = false, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task<Upstash.Workflow.ResumeWorkflowResult> ResumeWorkflowAsync(string dlqId, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.ResumeWorkflowResult> ResumeWorkflowAsync(string dlqId, Upstash.Workflow.ResumeWorkflowOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.BulkRunAgainResult> ResumeWorkflowsAsync(System.Collections.Generic.IEnumerable<string>? dlqIds = null, string? cursor = null, int? count = default, Upstash.Workflow.FailedRunFilter? filter = null, Upstash.Workflow.ResumeWorkflowsOptions? options = null, bool all = false, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual Upstash.Workflow.UpstashPageable<Upstash.Workflow.StartedRun> ResumeWorkflowsInBatchesAsync(System.Collections.Generic.IEnumerable<string>? dlqIds = null, int? count = default, Upstash.Workflow.FailedRunFilter? filter = null, Upstash.Workflow.ResumeWorkflowsOptions? options = null, bool all = false, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task<Upstash.Workflow.RetryFailureCallbackResult> RetryFailureCallbackAsync(string dlqId, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.RetryFailureCallbackResult> RetryFailureCallbackAsync(string dlqId, Upstash.Workflow.RetryFailureCallbackOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public sealed class FailedRunFilter
    {
        public FailedRunFilter() { }
        public System.Collections.Generic.IReadOnlyList<string>? CallerIps { get; set; }
        public System.Collections.Generic.IReadOnlyList<Upstash.Workflow.FailureFunctionState>? FailureFunctionStates { get; set; }
        public System.Collections.Generic.IReadOnlyList<string>? FlowControlKeys { get; set; }
        public System.DateTimeOffset? FromDate { get; set; }
        public System.Collections.Generic.IReadOnlyList<string>? Labels { get; set; }
        public System.DateTimeOffset? ToDate { get; set; }
        public System.DateTimeOffset? WorkflowCreatedAt { get; set; }
        public string? WorkflowRunId { get; set; }
        public System.Collections.Generic.IReadOnlyList<string>? WorkflowUrls { get; set; }
    }
    public class FailedRunsPage
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public FailedRunsPage() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("cursor")]
        public string? Cursor { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("messages")]
        [System.Text.Json.Serialization.JsonRequired]
        public required System.Collections.Generic.IList<Upstash.Workflow.WorkflowDlqMessage> Messages { get; set; }
    }
    public class FailureFunction
    {
        public FailureFunction() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("dlqId")]
        public string? DlqId { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("failHeaders")]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>> FailHeaders { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("failResponse")]
        public string? FailResponse { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("failStatus")]
        public int? FailStatus { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("maxRetries")]
        public int? MaxRetries { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("messageId")]
        public string? MessageId { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("responseBody")]
        public string? ResponseBody { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("responseHeaders")]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>> ResponseHeaders { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("responseStatus")]
        public int? ResponseStatus { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("state")]
        public Upstash.Workflow.FailureFunctionState? State { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("url")]
        public System.Uri? Url { get; set; }
    }
    [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.ExtensibleEnumConverter<Upstash.Workflow.FailureFunctionState>))]
    public readonly struct FailureFunctionState : System.IEquatable<Upstash.Workflow.FailureFunctionState>
    {
        public FailureFunctionState(string value) { }
        public bool IsKnown { get; }
        public static Upstash.Workflow.FailureFunctionState CallbackCanceled { get; }
        public static Upstash.Workflow.FailureFunctionState CallbackFail { get; }
        public static Upstash.Workflow.FailureFunctionState CallbackInprogress { get; }
        public static Upstash.Workflow.FailureFunctionState CallbackSuccess { get; }
        public static System.Collections.Generic.IReadOnlyList<Upstash.Workflow.FailureFunctionState> KnownValues { get; }
        public bool Equals(Upstash.Workflow.FailureFunctionState other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static Upstash.Workflow.FailureFunctionState op_Implicit(string value) { }
        public static bool operator !=(Upstash.Workflow.FailureFunctionState left, Upstash.Workflow.FailureFunctionState right) { }
        public static bool operator ==(Upstash.Workflow.FailureFunctionState left, Upstash.Workflow.FailureFunctionState right) { }
    }
    public class FlowControlClient
    {
        protected FlowControlClient() { }
        public System.Threading.Tasks.Task<Upstash.Workflow.FlowControlKeyStatus> GetFlowControlKeyAsync(string flowControlKey, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.FlowControlKeyStatus> GetFlowControlKeyAsync(string flowControlKey, Upstash.Workflow.GetFlowControlKeyOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task<Upstash.Workflow.GlobalParallelism> GetGlobalParallelismAsync(System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.GlobalParallelism> GetGlobalParallelismAsync(Upstash.Workflow.GetGlobalParallelismOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.FlowControlKeyStatus>> ListFlowControlKeysAsync(System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.FlowControlKeyStatus>> ListFlowControlKeysAsync(Upstash.Workflow.ListFlowControlKeysOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task PauseFlowControlKeyAsync(string flowControlKey, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task PauseFlowControlKeyAsync(string flowControlKey, Upstash.Workflow.PauseFlowControlKeyOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task PinFlowControlKeyAsync(string flowControlKey, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task PinFlowControlKeyAsync(string flowControlKey, Upstash.Workflow.FlowControlLimits? limits = null, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task ResetFlowControlRateAsync(string flowControlKey, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task ResetFlowControlRateAsync(string flowControlKey, Upstash.Workflow.ResetFlowControlRateOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task ResumeFlowControlKeyAsync(string flowControlKey, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task ResumeFlowControlKeyAsync(string flowControlKey, Upstash.Workflow.ResumeFlowControlKeyOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task UnpinFlowControlKeyAsync(string flowControlKey, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task UnpinFlowControlKeyAsync(string flowControlKey, Upstash.Workflow.UnpinFlowControlKeyOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public class FlowControlKeyStatus
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public FlowControlKeyStatus() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("flowControlKey")]
        [System.Text.Json.Serialization.JsonRequired]
        public required string FlowControlKey { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("isPaused")]
        public bool? IsPaused { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("isPinnedParallelism")]
        public bool? IsPinnedParallelism { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("isPinnedRate")]
        public bool? IsPinnedRate { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("parallelismCount")]
        public int? ParallelismCount { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("parallelismMax")]
        public int? ParallelismMax { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("rateCount")]
        public int? RateCount { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("rateMax")]
        public int? RateMax { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.DurationSecondsConverter))]
        [System.Text.Json.Serialization.JsonPropertyName("ratePeriod")]
        public System.TimeSpan? RatePeriod { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter))]
        [System.Text.Json.Serialization.JsonPropertyName("ratePeriodStart")]
        public System.DateTimeOffset? RatePeriodStart { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("waitListSize")]
        public int? WaitListSize { get; set; }
    }
    public sealed class FlowControlLimits
    {
        public FlowControlLimits() { }
        public int? Parallelism { get; set; }
        public System.TimeSpan? Period { get; set; }
        public int? Rate { get; set; }
    }
    public sealed class GetFailedRunOptions
    {
        public GetFailedRunOptions() { }
    }
    public sealed class GetFlowControlKeyOptions
    {
        public GetFlowControlKeyOptions() { }
    }
    public sealed class GetGlobalParallelismOptions
    {
        public GetGlobalParallelismOptions() { }
    }
    public sealed class GetSigningKeysOptions
    {
        public GetSigningKeysOptions() { }
    }
    public class GlobalParallelism
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public GlobalParallelism() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("parallelismCount")]
        [System.Text.Json.Serialization.JsonRequired]
        public required int ParallelismCount { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("parallelismMax")]
        [System.Text.Json.Serialization.JsonRequired]
        public required int ParallelismMax { get; set; }
    }
    public class GroupedSteps
    {
        public GroupedSteps() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("steps")]
        public System.Collections.Generic.IList<Upstash.Workflow.StepInfo> Steps { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("type")]
        public Upstash.Workflow.GroupedStepsType? Type { get; set; }
    }
    [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.ExtensibleEnumConverter<Upstash.Workflow.GroupedStepsType>))]
    public readonly struct GroupedStepsType : System.IEquatable<Upstash.Workflow.GroupedStepsType>
    {
        public GroupedStepsType(string value) { }
        public bool IsKnown { get; }
        public static System.Collections.Generic.IReadOnlyList<Upstash.Workflow.GroupedStepsType> KnownValues { get; }
        public static Upstash.Workflow.GroupedStepsType Next { get; }
        public static Upstash.Workflow.GroupedStepsType Parallel { get; }
        public static Upstash.Workflow.GroupedStepsType Sequential { get; }
        public bool Equals(Upstash.Workflow.GroupedStepsType other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static Upstash.Workflow.GroupedStepsType op_Implicit(string value) { }
        public static bool operator !=(Upstash.Workflow.GroupedStepsType left, Upstash.Workflow.GroupedStepsType right) { }
        public static bool operator ==(Upstash.Workflow.GroupedStepsType left, Upstash.Workflow.GroupedStepsType right) { }
    }
    public class InvokerContext
    {
        public InvokerContext() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter?))]
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunCreatedAt")]
        public System.DateTimeOffset? WorkflowRunCreatedAt { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunId")]
        public string? WorkflowRunId { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowUrl")]
        public System.Uri? WorkflowUrl { get; set; }
    }
    public sealed class ListFlowControlKeysOptions
    {
        public ListFlowControlKeysOptions() { }
    }
    public sealed class ListWaitersOptions
    {
        public ListWaitersOptions() { }
    }
    public class LogsClient
    {
        protected LogsClient() { }
        public virtual Upstash.Workflow.UpstashPageable<Upstash.Workflow.WorkflowRun> GetLogsAsync(int? count = default, int? trimBody = default, Upstash.Workflow.RunLogFilter? filter = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.WorkflowRunLogsPage> ListLogsAsync(string? cursor = null, int? count = default, int? trimBody = default, Upstash.Workflow.RunLogFilter? filter = null, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public class NotFoundException : Upstash.Workflow.UpstashWorkflowException
    {
        public NotFoundException(string message) { }
    }
    public class NotifyClient
    {
        protected NotifyClient() { }
        public System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.Waiter>> ListWaitersAsync(string eventId, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.Waiter>> ListWaitersAsync(string eventId, Upstash.Workflow.ListWaitersOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.NotifyResponse>> NotifyEventAsync(string eventId, Upstash.Workflow.WorkflowPayload? payload, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.NotifyResponse>> NotifyEventAsync(string eventId, Upstash.Workflow.WorkflowPayload? payload = null, Upstash.Workflow.NotifyEventOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task<Upstash.Workflow.NotifyResponse> NotifyWorkflowRunAsync(string workflowRunId, string eventId, Upstash.Workflow.WorkflowPayload? payload, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.NotifyResponse> NotifyWorkflowRunAsync(string workflowRunId, string eventId, Upstash.Workflow.WorkflowPayload? payload = null, Upstash.Workflow.NotifyWorkflowRunOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public sealed class NotifyEventOptions
    {
        public NotifyEventOptions() { }
    }
    public class NotifyResponse
    {
        public NotifyResponse() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("deduplicated")]
        public bool? Deduplicated { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("error")]
        public string? Error { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("messageId")]
        public string? MessageId { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("waiter")]
        public Upstash.Workflow.Waiter? Waiter { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter?))]
        [System.Text.Json.Serialization.JsonPropertyName("workflowCreatedAt")]
        public System.DateTimeOffset? WorkflowCreatedAt { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunId")]
        public string? WorkflowRunId { get; set; }
    }
    public sealed class NotifyWorkflowRunOptions
    {
        public NotifyWorkflowRunOptions() { }
    }
    public sealed class PauseFlowControlKeyOptions
    {
        public PauseFlowControlKeyOptions() { }
    }
    public enum RateLimitKind
    {
        Unknown = 0,
        Burst = 1,
        Daily = 2,
    }
    public class RateLimitedException : Upstash.Workflow.UpstashWorkflowException
    {
        public RateLimitedException(string message, System.DateTimeOffset? reset = default, System.TimeSpan? retryAfter = default) { }
        public Upstash.Workflow.RateLimitKind Kind { get; }
        public long? Limit { get; }
        public long? Remaining { get; }
        public System.DateTimeOffset? Reset { get; }
        public System.TimeSpan? RetryAfter { get; }
    }
    public sealed class ResetFlowControlRateOptions
    {
        public ResetFlowControlRateOptions() { }
    }
    public sealed class RestartWorkflowOptions
    {
        public RestartWorkflowOptions() { }
        public System.TimeSpan? Delay { get; set; }
        public System.Uri? FailureCallback { get; set; }
        public Upstash.Workflow.WorkflowFlowControl? FlowControl { get; set; }
        public System.Collections.Generic.IReadOnlyList<string>? Labels { get; set; }
        public int? Retries { get; set; }
        public Upstash.Workflow.WorkflowRetryDelay? RetryDelay { get; set; }
    }
    public class RestartWorkflowResult
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public RestartWorkflowResult() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter))]
        [System.Text.Json.Serialization.JsonPropertyName("workflowCreatedAt")]
        [System.Text.Json.Serialization.JsonRequired]
        public required System.DateTimeOffset WorkflowCreatedAt { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunId")]
        [System.Text.Json.Serialization.JsonRequired]
        public required string WorkflowRunId { get; set; }
    }
    public sealed class RestartWorkflowsOptions
    {
        public RestartWorkflowsOptions() { }
        public System.TimeSpan? Delay { get; set; }
        public System.Uri? FailureCallback { get; set; }
        public Upstash.Workflow.WorkflowFlowControl? FlowControl { get; set; }
        public System.Collections.Generic.IReadOnlyList<string>? Labels { get; set; }
        public int? Retries { get; set; }
        public Upstash.Workflow.WorkflowRetryDelay? RetryDelay { get; set; }
    }
    public sealed class ResumeFlowControlKeyOptions
    {
        public ResumeFlowControlKeyOptions() { }
    }
    public sealed class ResumeWorkflowOptions
    {
        public ResumeWorkflowOptions() { }
        public System.TimeSpan? Delay { get; set; }
        public System.Uri? FailureCallback { get; set; }
        public Upstash.Workflow.WorkflowFlowControl? FlowControl { get; set; }
        public System.Collections.Generic.IReadOnlyList<string>? Labels { get; set; }
        public int? Retries { get; set; }
        public Upstash.Workflow.WorkflowRetryDelay? RetryDelay { get; set; }
    }
    public class ResumeWorkflowResult
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public ResumeWorkflowResult() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter))]
        [System.Text.Json.Serialization.JsonPropertyName("workflowCreatedAt")]
        [System.Text.Json.Serialization.JsonRequired]
        public required System.DateTimeOffset WorkflowCreatedAt { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunId")]
        [System.Text.Json.Serialization.JsonRequired]
        public required string WorkflowRunId { get; set; }
    }
    public sealed class ResumeWorkflowsOptions
    {
        public ResumeWorkflowsOptions() { }
        public System.TimeSpan? Delay { get; set; }
        public System.Uri? FailureCallback { get; set; }
        public Upstash.Workflow.WorkflowFlowControl? FlowControl { get; set; }
        public System.Collections.Generic.IReadOnlyList<string>? Labels { get; set; }
        public int? Retries { get; set; }
        public Upstash.Workflow.WorkflowRetryDelay? RetryDelay { get; set; }
    }
    public sealed class RetryFailureCallbackOptions
    {
        public RetryFailureCallbackOptions() { }
    }
    public class RetryFailureCallbackResult
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public RetryFailureCallbackResult() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter))]
        [System.Text.Json.Serialization.JsonPropertyName("workflowCreatedAt")]
        [System.Text.Json.Serialization.JsonRequired]
        public required System.DateTimeOffset WorkflowCreatedAt { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunId")]
        [System.Text.Json.Serialization.JsonRequired]
        public required string WorkflowRunId { get; set; }
    }
    public sealed class RotateSigningKeysOptions
    {
        public RotateSigningKeysOptions() { }
    }
    public sealed class RunLogFilter
    {
        public RunLogFilter() { }
        public string? CallerIp { get; set; }
        public string? FlowControlKey { get; set; }
        public System.DateTimeOffset? FromDate { get; set; }
        public System.Collections.Generic.IReadOnlyList<string>? Labels { get; set; }
        public Upstash.Workflow.RunLogState? State { get; set; }
        public System.DateTimeOffset? ToDate { get; set; }
        public System.DateTimeOffset? WorkflowCreatedAt { get; set; }
        public string? WorkflowRunId { get; set; }
        public Upstash.Workflow.WorkflowRunSelection? WorkflowRuns { get; set; }
        public string? WorkflowUrl { get; set; }
    }
    [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.ExtensibleEnumConverter<Upstash.Workflow.RunLogState>))]
    public readonly struct RunLogState : System.IEquatable<Upstash.Workflow.RunLogState>
    {
        public RunLogState(string value) { }
        public bool IsKnown { get; }
        public static System.Collections.Generic.IReadOnlyList<Upstash.Workflow.RunLogState> KnownValues { get; }
        public static Upstash.Workflow.RunLogState RunCanceled { get; }
        public static Upstash.Workflow.RunLogState RunFailed { get; }
        public static Upstash.Workflow.RunLogState RunStarted { get; }
        public static Upstash.Workflow.RunLogState RunSuccess { get; }
        public static Upstash.Workflow.RunLogState StepCanceled { get; }
        public static Upstash.Workflow.RunLogState StepFailed { get; }
        public static Upstash.Workflow.RunLogState StepProgress { get; }
        public static Upstash.Workflow.RunLogState StepRetry { get; }
        public static Upstash.Workflow.RunLogState StepSuccess { get; }
        public bool Equals(Upstash.Workflow.RunLogState other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static Upstash.Workflow.RunLogState op_Implicit(string value) { }
        public static bool operator !=(Upstash.Workflow.RunLogState left, Upstash.Workflow.RunLogState right) { }
        public static bool operator ==(Upstash.Workflow.RunLogState left, Upstash.Workflow.RunLogState right) { }
    }
    public class RunsClient
    {
        protected RunsClient() { }
        public System.Threading.Tasks.Task CancelWorkflowRunAsync(string workflowRunId, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task CancelWorkflowRunAsync(string workflowRunId, Upstash.Workflow.CancelWorkflowRunOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.CancelWorkflowRunsResult> CancelWorkflowRunsAsync(System.Collections.Generic.IEnumerable<string>? workflowRunIds = null, int? count = default, Upstash.Workflow.WorkflowRunFilter? filter = null, bool all = false, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task<Upstash.Workflow.TriggerWorkflowResult> TriggerWorkflowAsync(System.Uri workflowUrl, Upstash.Workflow.WorkflowPayload? payload, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.TriggerWorkflowResult> TriggerWorkflowAsync(System.Uri workflowUrl, Upstash.Workflow.WorkflowPayload? payload = null, Upstash.Workflow.TriggerWorkflowOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.BatchTriggerResult>> TriggerWorkflowBatchAsync(System.Collections.Generic.IEnumerable<Upstash.Workflow.BatchTriggerItem> runs, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.BatchTriggerResult>> TriggerWorkflowBatchAsync(System.Collections.Generic.IEnumerable<Upstash.Workflow.BatchTriggerItem> runs, Upstash.Workflow.TriggerWorkflowBatchOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public class ServerErrorException : Upstash.Workflow.UpstashWorkflowException
    {
        public ServerErrorException(string message) { }
    }
    public class SigningKeys
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public SigningKeys() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("current")]
        [System.Text.Json.Serialization.JsonRequired]
        public required string Current { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("next")]
        [System.Text.Json.Serialization.JsonRequired]
        public required string Next { get; set; }
    }
    public class SigningKeysClient
    {
        protected SigningKeysClient() { }
        public System.Threading.Tasks.Task<Upstash.Workflow.SigningKeys> GetSigningKeysAsync(System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.SigningKeys> GetSigningKeysAsync(Upstash.Workflow.GetSigningKeysOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task<Upstash.Workflow.SigningKeys> RotateSigningKeysAsync(System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.SigningKeys> RotateSigningKeysAsync(Upstash.Workflow.RotateSigningKeysOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public class StartedRun
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public StartedRun() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter))]
        [System.Text.Json.Serialization.JsonPropertyName("workflowCreatedAt")]
        [System.Text.Json.Serialization.JsonRequired]
        public required System.DateTimeOffset WorkflowCreatedAt { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunId")]
        [System.Text.Json.Serialization.JsonRequired]
        public required string WorkflowRunId { get; set; }
    }
    public class StepInfo
    {
        public StepInfo() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("callBody")]
        public string? CallBody { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("callHeaders")]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>> CallHeaders { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("callMethod")]
        public string? CallMethod { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("callResponseBody")]
        public string? CallResponseBody { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("callResponseHeaders")]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>> CallResponseHeaders { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("callResponseStatus")]
        public long? CallResponseStatus { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("callType")]
        public string? CallType { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("callUrl")]
        public System.Uri? CallUrl { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("concurrent")]
        public int? Concurrent { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter?))]
        [System.Text.Json.Serialization.JsonPropertyName("createdAt")]
        public System.DateTimeOffset? CreatedAt { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("headers")]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>> Headers { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("invokedWorkflowRunId")]
        public string? InvokedWorkflowRunId { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("invokedWorkflowUrl")]
        public System.Uri? InvokedWorkflowUrl { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("messageId")]
        public string? MessageId { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter?))]
        [System.Text.Json.Serialization.JsonPropertyName("nextDeliveryTime")]
        public System.DateTimeOffset? NextDeliveryTime { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("out")]
        public string? Out { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("retries")]
        public int? Retries { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("state")]
        public Upstash.Workflow.StepState? State { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("stepId")]
        public long? StepId { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("stepName")]
        public string? StepName { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("stepType")]
        public string? StepType { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("waitEventId")]
        public string? WaitEventId { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("waitTimeout")]
        public bool? WaitTimeout { get; set; }
        public override string ToString() { }
    }
    [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.ExtensibleEnumConverter<Upstash.Workflow.StepState>))]
    public readonly struct StepState : System.IEquatable<Upstash.Workflow.StepState>
    {
        public StepState(string value) { }
        public bool IsKnown { get; }
        public static System.Collections.Generic.IReadOnlyList<Upstash.Workflow.StepState> KnownValues { get; }
        public static Upstash.Workflow.StepState StepCanceled { get; }
        public static Upstash.Workflow.StepState StepFailed { get; }
        public static Upstash.Workflow.StepState StepProgress { get; }
        public static Upstash.Workflow.StepState StepRetry { get; }
        public static Upstash.Workflow.StepState StepSuccess { get; }
        public bool Equals(Upstash.Workflow.StepState other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static Upstash.Workflow.StepState op_Implicit(string value) { }
        public static bool operator !=(Upstash.Workflow.StepState left, Upstash.Workflow.StepState right) { }
        public static bool operator ==(Upstash.Workflow.StepState left, Upstash.Workflow.StepState right) { }
    }
    public sealed class TriggerWorkflowBatchOptions
    {
        public TriggerWorkflowBatchOptions() { }
    }
    public sealed class TriggerWorkflowOptions
    {
        public TriggerWorkflowOptions() { }
        public System.TimeSpan? Delay { get; set; }
        public System.Uri? FailureCallback { get; set; }
        public System.Collections.Generic.IDictionary<string, string>? FailureCallbackForwardHeaders { get; set; }
        public Upstash.Workflow.WorkflowFlowControl? FlowControl { get; set; }
        public System.Collections.Generic.IDictionary<string, string>? ForwardHeaders { get; set; }
        public System.Collections.Generic.IReadOnlyList<string>? Labels { get; set; }
        public System.DateTimeOffset? NotBefore { get; set; }
        public int? Retries { get; set; }
        public Upstash.Workflow.WorkflowRetryDelay? RetryDelay { get; set; }
        public string? WorkflowRunId { get; set; }
    }
    public class TriggerWorkflowResult
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public TriggerWorkflowResult() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter))]
        [System.Text.Json.Serialization.JsonPropertyName("workflowCreatedAt")]
        [System.Text.Json.Serialization.JsonRequired]
        public required System.DateTimeOffset WorkflowCreatedAt { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunId")]
        [System.Text.Json.Serialization.JsonRequired]
        public required string WorkflowRunId { get; set; }
    }
    public class UnauthorizedException : Upstash.Workflow.UpstashWorkflowException
    {
        public UnauthorizedException(string message) { }
    }
    public sealed class UnpinFlowControlKeyOptions
    {
        public UnpinFlowControlKeyOptions() { }
        public bool? Parallelism { get; set; }
        public bool? Rate { get; set; }
    }
    public enum UpstashAuthMode
    {
        BearerHeader = 0,
        QueryToken = 1,
    }
    public sealed class UpstashConfigurationException : Upstash.Workflow.UpstashWorkflowException
    {
        public UpstashConfigurationException(string message) { }
    }
    public sealed class UpstashConnectionException : Upstash.Workflow.UpstashWorkflowException
    {
        public UpstashConnectionException(string message, System.Exception? innerException = null) { }
    }
    public static class UpstashDevelopmentServer
    {
        public const string CurrentSigningKey = "sig_7kYjw48mhY7kAjqNGcy6cr29RJ6r";
        public const string NextSigningKey = "sig_5ZB6DVzB1wjE8S6rZ7eenA8Pdnhs";
        public const int Port = 8080;
        public const string Token = "eyJVc2VySUQiOiJkZWZhdWx0VXNlciIsIlBhc3N3b3JkIjoiZGVmYXVsdFBhc3N3b3JkIn0=";
    }
    public sealed class UpstashPage<T>
    {
        public UpstashPage(System.Collections.Generic.IReadOnlyList<T> items, string? nextCursor) { }
        public System.Collections.Generic.IReadOnlyList<T> Items { get; }
        public string? NextCursor { get; }
    }
    public abstract class UpstashPageable<T> : System.Collections.Generic.IAsyncEnumerable<T>
    {
        protected UpstashPageable() { }
        public abstract System.Collections.Generic.IAsyncEnumerable<Upstash.Workflow.UpstashPage<T>> AsPages(string? cursor = null);
        [System.Runtime.CompilerServices.AsyncIteratorStateMachine(typeof(Upstash.Workflow.UpstashPageable<T>.<GetAsyncEnumerator>d__2))]
        public virtual System.Collections.Generic.IAsyncEnumerator<T> GetAsyncEnumerator(System.Threading.CancellationToken cancellationToken = default) { }
        public static Upstash.Workflow.UpstashPageable<T> FromPages(System.Collections.Generic.IEnumerable<Upstash.Workflow.UpstashPage<T>> pages) { }
    }
    public static class UpstashRegions
    {
        public const string EuCentral1 = "eu-central-1";
        public const string UsEast1 = "us-east-1";
        public static System.Collections.Generic.IReadOnlyList<string> All { get; }
        public static System.Uri BaseAddress(string region) { }
        public static string Normalize(string region) { }
        public static bool TryNormalize(string? region, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? normalized) { }
    }
    public sealed class UpstashSignatureException : Upstash.Workflow.UpstashWorkflowException
    {
        public UpstashSignatureException(Upstash.Workflow.UpstashSignatureFailure reason, string message) { }
        public Upstash.Workflow.UpstashSignatureFailure Reason { get; }
    }
    public enum UpstashSignatureFailure
    {
        Missing = 1,
        Duplicated = 2,
        Malformed = 3,
        UnsupportedAlgorithm = 4,
        InvalidSignature = 5,
        MissingClaim = 6,
        WrongIssuer = 7,
        Expired = 8,
        NotYetValid = 9,
        WrongUrl = 10,
        WrongBody = 11,
    }
    public sealed class UpstashSignatureToken
    {
        public System.DateTimeOffset ExpiresAt { get; }
        public string? Url { get; }
        public bool TryVerifyBody(System.ReadOnlySpan<byte> body, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Upstash.Workflow.UpstashSignatureException? error) { }
    }
    public sealed class UpstashSignatureVerifier
    {
        public const string SignatureHeader = "Upstash-Signature";
        public UpstashSignatureVerifier(Upstash.Workflow.UpstashSignatureVerifierOptions options) { }
        public UpstashSignatureVerifier(string currentSigningKey, string? nextSigningKey = null) { }
        public bool TryVerify(string? signature, System.ReadOnlySpan<byte> body, System.Uri? url, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Upstash.Workflow.UpstashSignatureException? error) { }
        public bool TryVerifyToken(string? signature, System.Uri? url, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Upstash.Workflow.UpstashSignatureToken? token, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Upstash.Workflow.UpstashSignatureException? error) { }
        public void Verify(string? signature, System.ReadOnlySpan<byte> body, System.Uri? url = null) { }
        public static Upstash.Workflow.UpstashSignatureVerifier FromEnvironment(string? requestRegion = null) { }
        public static string Sign(string signingKey, System.ReadOnlySpan<byte> body, System.Uri url, System.DateTimeOffset? issuedAt = default, System.TimeSpan? lifetime = default) { }
    }
    public sealed class UpstashSignatureVerifierOptions
    {
        public UpstashSignatureVerifierOptions() { }
        public System.TimeSpan ClockTolerance { get; set; }
        [System.Text.Json.Serialization.JsonIgnore]
        public string? CurrentSigningKey { get; set; }
        [System.Text.Json.Serialization.JsonIgnore]
        public string? NextSigningKey { get; set; }
        public System.TimeProvider TimeProvider { get; set; }
        public Upstash.Workflow.UpstashSignatureVerifierOptions WithEnvironment(string? requestRegion = null, System.Func<string, string?>? variables = null) { }
        public static Upstash.Workflow.UpstashSignatureVerifierOptions FromEnvironment(string? requestRegion = null, System.Func<string, string?>? variables = null) { }
    }
    public sealed class UpstashTimeoutException : Upstash.Workflow.UpstashWorkflowException
    {
        public UpstashTimeoutException(System.TimeSpan timeout, string request, System.Exception? innerException = null) { }
        public System.TimeSpan Timeout { get; }
    }
    public class UpstashWorkflowClient : System.IDisposable
    {
        protected UpstashWorkflowClient() { }
        public UpstashWorkflowClient(Upstash.Workflow.UpstashWorkflowClientOptions options, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null) { }
        public virtual Upstash.Workflow.DlqClient Dlq { get; }
        public virtual Upstash.Workflow.FlowControlClient FlowControl { get; }
        public virtual Upstash.Workflow.LogsClient Logs { get; }
        public virtual Upstash.Workflow.NotifyClient Notify { get; }
        public virtual Upstash.Workflow.RunsClient Runs { get; }
        public virtual Upstash.Workflow.SigningKeysClient SigningKeys { get; }
        public void Dispose() { }
        protected virtual void Dispose(bool disposing) { }
        public static Upstash.Workflow.UpstashWorkflowClient FromEnvironment() { }
    }
    public sealed class UpstashWorkflowClientOptions
    {
        public static readonly System.Uri DefaultBaseAddress;
        public UpstashWorkflowClientOptions() { }
        public System.Collections.Generic.IList<string> AllowedHosts { get; }
        public Upstash.Workflow.UpstashAuthMode AuthMode { get; set; }
        public System.Uri? BaseAddress { get; set; }
        public int MaxConnectionsPerServer { get; set; }
        public bool PropagateTraceContext { get; set; }
        public string? Region { get; set; }
        public System.TimeSpan Timeout { get; set; }
        [System.Text.Json.Serialization.JsonIgnore]
        public string? Token { get; set; }
        public Microsoft.Kiota.Abstractions.Authentication.IAccessTokenProvider? TokenProvider { get; set; }
        public System.Net.Http.HttpMessageHandler? Transport { get; set; }
        public string UserAgent { get; set; }
        public static string DefaultUserAgent { get; }
        public override string ToString() { }
        public static Upstash.Workflow.UpstashWorkflowClientOptions FromEnvironment(System.Func<string, string?>? variables = null) { }
    }
    public class UpstashWorkflowException : System.Exception
    {
        public const int MaxBodyLength = 4096;
        public UpstashWorkflowException(string message, System.Exception? innerException = null) { }
        public UpstashWorkflowException(int statusCode, string message, System.Exception? innerException = null) { }
        public string? ErrorMessage { get; }
        public System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> Headers { get; }
        public System.Net.Http.HttpMethod? Method { get; }
        public System.Uri? RequestUri { get; }
        public string? ResponseBody { get; }
        public int StatusCode { get; }
    }
    public class Waiter
    {
        public Waiter() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeSecondsConverter?))]
        [System.Text.Json.Serialization.JsonPropertyName("deadline")]
        public System.DateTimeOffset? Deadline { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("headers")]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>> Headers { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("timeoutBody")]
        public byte[]? TimeoutBody { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("timeoutHeaders")]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>> TimeoutHeaders { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("timeoutUrl")]
        public System.Uri? TimeoutUrl { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("url")]
        public System.Uri? Url { get; set; }
    }
    public class WorkflowDlqMessage
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public WorkflowDlqMessage() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("body")]
        public string? Body { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("bodyBase64")]
        public string? BodyBase64 { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("callerIP")]
        public string? CallerIP { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter?))]
        [System.Text.Json.Serialization.JsonPropertyName("createdAt")]
        public System.DateTimeOffset? CreatedAt { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("dlqId")]
        [System.Text.Json.Serialization.JsonRequired]
        public required string DlqId { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("failureCallback")]
        public System.Uri? FailureCallback { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("failureFunctionState")]
        public Upstash.Workflow.FailureFunctionState? FailureFunctionState { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("flowControlKey")]
        public string? FlowControlKey { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("header")]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>> Header { get; set; }
        [System.Obsolete]
        [System.Text.Json.Serialization.JsonPropertyName("label")]
        public string? Label { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("labels")]
        public System.Collections.Generic.IList<string> Labels { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("maxRetries")]
        public int? MaxRetries { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("method")]
        public string? Method { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter?))]
        [System.Text.Json.Serialization.JsonPropertyName("notBefore")]
        public System.DateTimeOffset? NotBefore { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("responseBody")]
        public string? ResponseBody { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("responseBodyBase64")]
        public string? ResponseBodyBase64 { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("responseHeader")]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>> ResponseHeader { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("responseStatus")]
        public int? ResponseStatus { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("url")]
        public System.Uri? Url { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter?))]
        [System.Text.Json.Serialization.JsonPropertyName("workflowCreatedAt")]
        [System.Text.Json.Serialization.JsonRequired]
        public required System.DateTimeOffset WorkflowCreatedAt { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunId")]
        [System.Text.Json.Serialization.JsonRequired]
        public required string WorkflowRunId { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowUrl")]
        [System.Text.Json.Serialization.JsonRequired]
        public required System.Uri WorkflowUrl { get; set; }
        public override string ToString() { }
    }
    public class WorkflowFailureCallback
    {
        public WorkflowFailureCallback() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("body")]
        public byte[]? Body { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("callerIP")]
        public string? CallerIP { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter?))]
        [System.Text.Json.Serialization.JsonPropertyName("createdAt")]
        public System.DateTimeOffset? CreatedAt { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("dlqId")]
        public string? DlqId { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("endpointName")]
        public string? EndpointName { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("header")]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>> Header { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("maxRetries")]
        public int? MaxRetries { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("method")]
        public string? Method { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter?))]
        [System.Text.Json.Serialization.JsonPropertyName("notBefore")]
        public System.DateTimeOffset? NotBefore { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("retried")]
        public int? Retried { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("scheduleId")]
        public string? ScheduleId { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("sourceBody")]
        public byte[]? SourceBody { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("sourceHeader")]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>> SourceHeader { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("sourceMessageId")]
        public string? SourceMessageId { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("status")]
        public int? Status { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("topicName")]
        public string? TopicName { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("url")]
        public System.Uri? Url { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter?))]
        [System.Text.Json.Serialization.JsonPropertyName("workflowCreatedAt")]
        public System.DateTimeOffset? WorkflowCreatedAt { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunId")]
        public string? WorkflowRunId { get; set; }
        public static Upstash.Workflow.WorkflowFailureCallback Read(System.ReadOnlySpan<byte> utf8Json) { }
    }
    public sealed class WorkflowFlowControl : System.IEquatable<Upstash.Workflow.WorkflowFlowControl>
    {
        public WorkflowFlowControl(string key, int? parallelism = default, int? rate = default, System.TimeSpan? period = default) { }
        public string Key { get; }
        public int? Parallelism { get; }
        public System.TimeSpan? Period { get; }
        public int? Rate { get; }
        public string Value { get; }
    }
    public abstract class WorkflowPayload
    {
        public abstract string MediaType { get; }
        public static Upstash.Workflow.WorkflowPayload Bytes(System.ReadOnlyMemory<byte> bytes) { }
        [System.Diagnostics.CodeAnalysis.RequiresDynamicCode("Serializes with reflection; use Json(value, JsonTypeInfo<T>) from a JsonSerialize" +
            "rContext for native AOT.")]
        [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("Serializes with reflection; use Json(value, JsonTypeInfo<T>) from a JsonSerialize" +
            "rContext when trimming.")]
        public static Upstash.Workflow.WorkflowPayload Json<T>(T value, System.Text.Json.JsonSerializerOptions? options = null) { }
        public static Upstash.Workflow.WorkflowPayload Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) { }
        public static Upstash.Workflow.WorkflowPayload RawJson(string json) { }
        public static Upstash.Workflow.WorkflowPayload Text(string text) { }
    }
    public sealed class WorkflowRetryDelay : System.IEquatable<Upstash.Workflow.WorkflowRetryDelay>
    {
        public string Expression { get; }
        public override string ToString() { }
        public static Upstash.Workflow.WorkflowRetryDelay Exponential(System.TimeSpan first, System.TimeSpan? longest = default) { }
        public static Upstash.Workflow.WorkflowRetryDelay Fixed(System.TimeSpan delay) { }
        public static Upstash.Workflow.WorkflowRetryDelay FromExpression(string expression) { }
    }
    public class WorkflowRun
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public WorkflowRun() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("dlqId")]
        public string? DlqId { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("failureFunction")]
        public Upstash.Workflow.FailureFunction? FailureFunction { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("flowControlKey")]
        public string? FlowControlKey { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("invoker")]
        public Upstash.Workflow.InvokerContext? Invoker { get; set; }
        [System.Obsolete]
        [System.Text.Json.Serialization.JsonPropertyName("label")]
        public string? Label { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("labels")]
        public System.Collections.Generic.IList<string> Labels { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("steps")]
        public System.Collections.Generic.IList<Upstash.Workflow.GroupedSteps> Steps { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunCallerIp")]
        public string? WorkflowRunCallerIp { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter?))]
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunCompletedAt")]
        public System.DateTimeOffset? WorkflowRunCompletedAt { get; set; }
        [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter?))]
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunCreatedAt")]
        [System.Text.Json.Serialization.JsonRequired]
        public required System.DateTimeOffset WorkflowRunCreatedAt { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunId")]
        [System.Text.Json.Serialization.JsonRequired]
        public required string WorkflowRunId { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowRunResponse")]
        public string? WorkflowRunResponse { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowState")]
        [System.Text.Json.Serialization.JsonRequired]
        public required Upstash.Workflow.WorkflowRunState WorkflowState { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("workflowUrl")]
        [System.Text.Json.Serialization.JsonRequired]
        public required System.Uri WorkflowUrl { get; set; }
        public override string ToString() { }
    }
    public sealed class WorkflowRunFilter
    {
        public WorkflowRunFilter() { }
        public System.Collections.Generic.IReadOnlyList<string>? CallerIps { get; set; }
        public System.Collections.Generic.IReadOnlyList<string>? FlowControlKeys { get; set; }
        public System.DateTimeOffset? FromDate { get; set; }
        public System.Collections.Generic.IReadOnlyList<string>? Labels { get; set; }
        public System.DateTimeOffset? ToDate { get; set; }
        public bool? WorkflowUrlExactMatch { get; set; }
        public System.Collections.Generic.IReadOnlyList<string>? WorkflowUrls { get; set; }
    }
    public class WorkflowRunLogsPage
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public WorkflowRunLogsPage() { }
        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object>? AdditionalProperties { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("cursor")]
        public string? Cursor { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("runs")]
        [System.Text.Json.Serialization.JsonRequired]
        public required System.Collections.Generic.IList<Upstash.Workflow.WorkflowRun> Runs { get; set; }
    }
    public sealed class WorkflowRunSelection : System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, System.DateTimeOffset>>, System.Collections.IEnumerable
    {
        public WorkflowRunSelection() { }
        public int Count { get; }
        public string Value { get; }
        public void Add(string workflowRunId, System.DateTimeOffset createdAt) { }
        public System.Collections.Generic.IEnumerator<System.Collections.Generic.KeyValuePair<string, System.DateTimeOffset>> GetEnumerator() { }
        public override string ToString() { }
    }
    [System.Text.Json.Serialization.JsonConverter(typeof(Upstash.Workflow.Serialization.ExtensibleEnumConverter<Upstash.Workflow.WorkflowRunState>))]
    public readonly struct WorkflowRunState : System.IEquatable<Upstash.Workflow.WorkflowRunState>
    {
        public WorkflowRunState(string value) { }
        public bool IsKnown { get; }
        public static System.Collections.Generic.IReadOnlyList<Upstash.Workflow.WorkflowRunState> KnownValues { get; }
        public static Upstash.Workflow.WorkflowRunState RunCanceled { get; }
        public static Upstash.Workflow.WorkflowRunState RunFailed { get; }
        public static Upstash.Workflow.WorkflowRunState RunStarted { get; }
        public static Upstash.Workflow.WorkflowRunState RunSuccess { get; }
        public bool Equals(Upstash.Workflow.WorkflowRunState other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static Upstash.Workflow.WorkflowRunState op_Implicit(string value) { }
        public static bool operator !=(Upstash.Workflow.WorkflowRunState left, Upstash.Workflow.WorkflowRunState right) { }
        public static bool operator ==(Upstash.Workflow.WorkflowRunState left, Upstash.Workflow.WorkflowRunState right) { }
    }
}