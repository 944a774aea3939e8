namespace Upstash.Workflow
{
    public class ApiError
    {
        public ApiError() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("error", Required=Newtonsoft.Json.Required.Always)]
        [System.ComponentModel.DataAnnotations.Required(AllowEmptyStrings=true)]
        public string Error { get; set; }
    }
    public class BadRequestException : Upstash.Workflow.UpstashWorkflowException
    {
        public BadRequestException(Upstash.Workflow.ErrorDetails details) { }
    }
    public class BatchTriggerItem
    {
        public BatchTriggerItem() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("body", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Body { get; set; }
        [Newtonsoft.Json.JsonProperty("destination", Required=Newtonsoft.Json.Required.Always)]
        [System.ComponentModel.DataAnnotations.Required(AllowEmptyStrings=true)]
        public string Destination { get; set; }
        [Newtonsoft.Json.JsonProperty("headers", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, string>? Headers { get; set; }
    }
    public class BatchTriggerResult
    {
        public BatchTriggerResult() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("deduplicated", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public bool? Deduplicated { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowCreatedAt", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.DateTimeOffset? WorkflowCreatedAt { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowRunId { get; set; }
    }
    public class BulkRunAgainResult : Upstash.Workflow.IUpstashPage
    {
        public BulkRunAgainResult() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("cursor", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Cursor { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRuns", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IList<Upstash.Workflow.StartedRun>? WorkflowRuns { get; set; }
    }
    public class CancelWorkflowRunsResult
    {
        public CancelWorkflowRunsResult() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("cancelled", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? Cancelled { get; set; }
    }
    public class DeleteFailedRunsResult : Upstash.Workflow.IUpstashPage
    {
        public DeleteFailedRunsResult() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("cursor", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Cursor { get; set; }
        [Newtonsoft.Json.JsonProperty("deleted", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public long? Deleted { get; set; }
    }
    public class DlqClient : Upstash.Workflow.Core.UpstashClientBase, Upstash.Workflow.IDlqClient
    {
        public DlqClient(System.Net.Http.HttpClient httpClient) { }
        protected Newtonsoft.Json.JsonSerializerSettings JsonSerializerSettings { get; }
        public virtual System.Threading.Tasks.Task CancelFailureCallbackAsync(string dlqId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task DeleteFailedRunAsync(string dlqId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.DeleteFailedRunsResult> DeleteFailedRunsAsync(System.Collections.Generic.IEnumerable<string>? dlqIds = null, string? cursor = null, int? count = default, long? fromDate = default, long? toDate = default, System.Collections.Generic.IEnumerable<string>? workflowUrl = null, string? workflowRunId = null, long? workflowCreatedAt = default, System.Collections.Generic.IEnumerable<string>? label = null, System.Collections.Generic.IEnumerable<Upstash.Workflow.FailureFunctionState>? failureFunctionState = null, System.Collections.Generic.IEnumerable<string>? callerIp = null, System.Collections.Generic.IEnumerable<string>? flowControlKey = null, bool? all = default, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.WorkflowDlqMessage> GetFailedRunAsync(string dlqId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.FailedRunsPage> ListFailedRunsAsync(string? cursor = null, int? count = default, long? fromDate = default, long? toDate = default, System.Collections.Generic.IEnumerable<string>? workflowUrl = null, string? workflowRunId = null, long? workflowCreatedAt = default, System.Collections.Generic.IEnumerable<string>? label = null, System.Collections.Generic.IEnumerable<Upstash.Workflow.FailureFunctionState>? failureFunctionState = null, System.Collections.Generic.IEnumerable<string>? callerIp = null, System.Collections.Generic.IEnumerable<string>? flowControlKey = null, System.Threading.CancellationToken cancellationToken = default) { }
        protected virtual System.Threading.Tasks.Task<Upstash.Workflow.DlqClient.ObjectResponseResult<T>> ReadObjectResponseAsync<T>(System.Net.Http.HttpResponseMessage response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.RestartWorkflowResult> RestartWorkflowAsync(string dlqId, int? retries = default, string? delay = null, string? retryDelay = null, string? flowControlKey = null, string? flowControlValue = null, string? label = null, string? failureCallback = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.BulkRunAgainResult> RestartWorkflowsAsync(
                    System.Collections.Generic.IEnumerable<string>? dlqIds = null,
                    string? cursor = null,
                    int? count = default,
                    long? fromDate = default,
                    long? toDate = default,
                    System.Collections.Generic.IEnumerable<string>? workflowUrl = null,
                    string? workflowRunId = null,
                    long? workflowCreatedAt = default,
                    System.Collections.Generic.IEnumerable<string>? label = null,
                    System.Collections.Generic.IEnumerable<Upstash.Workflow.FailureFunctionState>? failureFunctionState = null,
                    System.Collections.Generic.IEnumerable<string>? callerIp = null,
                    System.Collections.Generic.IEnumerable<string>? flowControlKey = null,
                    int? retries = default,
                    string? delay = null,
                    string? retryDelay = null,
                    string? overrideFlowControlKey = null,
                    string? flowControlValue = null,
                    string? overrideLabel = null,
                    string? failureCallback = null,
                    bool? all = default,
                    System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.ResumeWorkflowResult> ResumeWorkflowAsync(string dlqId, int? retries = default, string? delay = null, string? retryDelay = null, string? flowControlKey = null, string? flowControlValue = null, string? label = null, string? failureCallback = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.BulkRunAgainResult> ResumeWorkflowsAsync(
                    System.Collections.Generic.IEnumerable<string>? dlqIds = null,
                    string? cursor = null,
                    int? count = default,
                    long? fromDate = default,
                    long? toDate = default,
                    System.Collections.Generic.IEnumerable<string>? workflowUrl = null,
                    string? workflowRunId = null,
                    long? workflowCreatedAt = default,
                    System.Collections.Generic.IEnumerable<string>? label = null,
                    System.Collections.Generic.IEnumerable<Upstash.Workflow.FailureFunctionState>? failureFunctionState = null,
                    System.Collections.Generic.IEnumerable<string>? callerIp = null,
                    System.Collections.Generic.IEnumerable<string>? flowControlKey = null,
                    int? retries = default,
                    string? delay = null,
                    string? retryDelay = null,
                    string? overrideFlowControlKey = null,
                    string? flowControlValue = null,
                    string? overrideLabel = null,
                    string? failureCallback = null,
                    bool? all = default,
                    System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.RetryFailureCallbackResult> RetryFailureCallbackAsync(string dlqId, System.Threading.CancellationToken cancellationToken = default) { }
        protected struct ObjectResponseResult<T>
        {
            public ObjectResponseResult(T responseObject, string responseText) { }
            public T Object { get; }
            public string Text { get; }
        }
    }
    public sealed class ErrorDetails : System.IEquatable<Upstash.Workflow.ErrorDetails>
    {
        public ErrorDetails(string Message, int StatusCode, string? Body, string? ErrorMessage, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> Headers) { }
        public string? Body { get; init; }
        public string? ErrorMessage { get; init; }
        public System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> Headers { get; init; }
        public string Message { get; init; }
        public int StatusCode { get; init; }
        public static string? ReadErrorMessage(string? body) { }
    }
    public class FailedRunsPage : Upstash.Workflow.IUpstashPage
    {
        public FailedRunsPage() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("cursor", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Cursor { get; set; }
        [Newtonsoft.Json.JsonProperty("messages", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IList<Upstash.Workflow.WorkflowDlqMessage>? Messages { get; set; }
    }
    public class FailureFunction
    {
        public FailureFunction() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("dlqId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? DlqId { get; set; }
        [Newtonsoft.Json.JsonProperty("failHeaders", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>>? FailHeaders { get; set; }
        [Newtonsoft.Json.JsonProperty("failResponse", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? FailResponse { get; set; }
        [Newtonsoft.Json.JsonProperty("failStatus", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? FailStatus { get; set; }
        [Newtonsoft.Json.JsonProperty("maxRetries", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? MaxRetries { get; set; }
        [Newtonsoft.Json.JsonProperty("messageId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? MessageId { get; set; }
        [Newtonsoft.Json.JsonProperty("responseBody", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? ResponseBody { get; set; }
        [Newtonsoft.Json.JsonProperty("responseHeaders", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>>? ResponseHeaders { get; set; }
        [Newtonsoft.Json.JsonProperty("responseStatus", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? ResponseStatus { get; set; }
        [Newtonsoft.Json.JsonProperty("state", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? State { get; set; }
        [Newtonsoft.Json.JsonProperty("url", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Url { get; set; }
    }
    [Newtonsoft.Json.JsonConverter(typeof(Upstash.Workflow.Serialization.ExtensibleEnumConverter<Upstash.Workflow.FailureFunctionState>))]
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
    public sealed class FlowControl : System.IEquatable<Upstash.Workflow.FlowControl>
    {
        public FlowControl(string key, int? parallelism = default, int? rate = default, System.TimeSpan? period = default) { }
        public string Key { get; }
        public int? Parallelism { get; }
        public System.TimeSpan? Period { get; }
        public int? Rate { get; }
        public string Value { get; }
    }
    public class FlowControlClient : Upstash.Workflow.Core.UpstashClientBase, Upstash.Workflow.IFlowControlClient
    {
        public FlowControlClient(System.Net.Http.HttpClient httpClient) { }
        protected Newtonsoft.Json.JsonSerializerSettings JsonSerializerSettings { get; }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.FlowControlKeyStatus> GetFlowControlKeyAsync(string flowControlKey, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.GlobalParallelism> GetGlobalParallelismAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.FlowControlKeyStatus>> ListFlowControlKeysAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task PauseFlowControlKeyAsync(string flowControlKey, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task PinFlowControlKeyAsync(string flowControlKey, int? parallelism = default, int? rate = default, int? period = default, System.Threading.CancellationToken cancellationToken = default) { }
        protected virtual System.Threading.Tasks.Task<Upstash.Workflow.FlowControlClient.ObjectResponseResult<T>> ReadObjectResponseAsync<T>(System.Net.Http.HttpResponseMessage response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task ResetFlowControlRateAsync(string flowControlKey, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task ResumeFlowControlKeyAsync(string flowControlKey, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task UnpinFlowControlKeyAsync(string flowControlKey, bool? parallelism = default, bool? rate = default, System.Threading.CancellationToken cancellationToken = default) { }
        protected struct ObjectResponseResult<T>
        {
            public ObjectResponseResult(T responseObject, string responseText) { }
            public T Object { get; }
            public string Text { get; }
        }
    }
    public class FlowControlKeyStatus
    {
        public FlowControlKeyStatus() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("flowControlKey", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? FlowControlKey { get; set; }
        [Newtonsoft.Json.JsonProperty("isPaused", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public bool? IsPaused { get; set; }
        [Newtonsoft.Json.JsonProperty("isPinnedParallelism", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public bool? IsPinnedParallelism { get; set; }
        [Newtonsoft.Json.JsonProperty("isPinnedRate", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public bool? IsPinnedRate { get; set; }
        [Newtonsoft.Json.JsonProperty("parallelismCount", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? ParallelismCount { get; set; }
        [Newtonsoft.Json.JsonProperty("parallelismMax", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? ParallelismMax { get; set; }
        [Newtonsoft.Json.JsonProperty("rateCount", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? RateCount { get; set; }
        [Newtonsoft.Json.JsonProperty("rateMax", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? RateMax { get; set; }
        [Newtonsoft.Json.JsonProperty("ratePeriod", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? RatePeriod { get; set; }
        [Newtonsoft.Json.JsonProperty("ratePeriodStart", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public long? RatePeriodStart { get; set; }
        [Newtonsoft.Json.JsonProperty("waitListSize", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? WaitListSize { get; set; }
    }
    public class GlobalParallelism
    {
        public GlobalParallelism() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("parallelismCount", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? ParallelismCount { get; set; }
        [Newtonsoft.Json.JsonProperty("parallelismMax", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? ParallelismMax { get; set; }
    }
    public class GroupedSteps
    {
        public GroupedSteps() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("steps", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IList<Upstash.Workflow.StepInfo>? Steps { get; set; }
        [Newtonsoft.Json.JsonProperty("type", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public Upstash.Workflow.GroupedStepsType? Type { get; set; }
    }
    [Newtonsoft.Json.JsonConverter(typeof(Upstash.Workflow.Serialization.ExtensibleEnumConverter<Upstash.Workflow.GroupedStepsType>))]
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
    public interface IDlqClient
    {
        System.Threading.Tasks.Task CancelFailureCallbackAsync(string dlqId, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task DeleteFailedRunAsync(string dlqId, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<Upstash.Workflow.DeleteFailedRunsResult> DeleteFailedRunsAsync(System.Collections.Generic.IEnumerable<string>? dlqIds = null, string? cursor = null, int? count = default, long? fromDate = default, long? toDate = default, System.Collections.Generic.IEnumerable<string>? workflowUrl = null, string? workflowRunId = null, long? workflowCreatedAt = default, System.Collections.Generic.IEnumerable<string>? label = null, System.Collections.Generic.IEnumerable<Upstash.Workflow.FailureFunctionState>? failureFunctionState = null, System.Collections.Generic.IEnumerable<string>? callerIp = null, System.Collections.Generic.IEnumerable<string>? flowControlKey = null, bool? all = default, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<Upstash.Workflow.WorkflowDlqMessage> GetFailedRunAsync(string dlqId, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<Upstash.Workflow.FailedRunsPage> ListFailedRunsAsync(string? cursor = null, int? count = default, long? fromDate = default, long? toDate = default, System.Collections.Generic.IEnumerable<string>? workflowUrl = null, string? workflowRunId = null, long? workflowCreatedAt = default, System.Collections.Generic.IEnumerable<string>? label = null, System.Collections.Generic.IEnumerable<Upstash.Workflow.FailureFunctionState>? failureFunctionState = null, System.Collections.Generic.IEnumerable<string>? callerIp = null, System.Collections.Generic.IEnumerable<string>? flowControlKey = null, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<Upstash.Workflow.RestartWorkflowResult> RestartWorkflowAsync(string dlqId, int? retries = default, string? delay = null, string? retryDelay = null, string? flowControlKey = null, string? flowControlValue = null, string? label = null, string? failureCallback = null, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<Upstash.Workflow.BulkRunAgainResult> RestartWorkflowsAsync(
                    System.Collections.Generic.IEnumerable<string>? dlqIds = null,
                    string? cursor = null,
                    int? count = default,
                    long? fromDate = default,
                    long? toDate = default,
                    System.Collections.Generic.IEnumerable<string>? workflowUrl = null,
                    string? workflowRunId = null,
                    long? workflowCreatedAt = default,
                    System.Collections.Generic.IEnumerable<string>? label = null,
                    System.Collections.Generic.IEnumerable<Upstash.Workflow.FailureFunctionState>? failureFunctionState = null,
                    System.Collections.Generic.IEnumerable<string>? callerIp = null,
                    System.Collections.Generic.IEnumerable<string>? flowControlKey = null,
                    int? retries = default,
                    string? delay = null,
                    string? retryDelay = null,
                    string? overrideFlowControlKey = null,
                    string? flowControlValue = null,
                    string? overrideLabel = null,
                    string? failureCallback = null,
                    bool? all = default,
                    System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<Upstash.Workflow.ResumeWorkflowResult> ResumeWorkflowAsync(string dlqId, int? retries = default, string? delay = null, string? retryDelay = null, string? flowControlKey = null, string? flowControlValue = null, string? label = null, string? failureCallback = null, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<Upstash.Workflow.BulkRunAgainResult> ResumeWorkflowsAsync(
                    System.Collections.Generic.IEnumerable<string>? dlqIds = null,
                    string? cursor = null,
                    int? count = default,
                    long? fromDate = default,
                    long? toDate = default,
                    System.Collections.Generic.IEnumerable<string>? workflowUrl = null,
                    string? workflowRunId = null,
                    long? workflowCreatedAt = default,
                    System.Collections.Generic.IEnumerable<string>? label = null,
                    System.Collections.Generic.IEnumerable<Upstash.Workflow.FailureFunctionState>? failureFunctionState = null,
                    System.Collections.Generic.IEnumerable<string>? callerIp = null,
                    System.Collections.Generic.IEnumerable<string>? flowControlKey = null,
                    int? retries = default,
                    string? delay = null,
                    string? retryDelay = null,
                    string? overrideFlowControlKey = null,
                    string? flowControlValue = null,
                    string? overrideLabel = null,
                    string? failureCallback = null,
                    bool? all = default,
                    System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<Upstash.Workflow.RetryFailureCallbackResult> RetryFailureCallbackAsync(string dlqId, System.Threading.CancellationToken cancellationToken = default);
    }
    public interface IFlowControlClient
    {
        System.Threading.Tasks.Task<Upstash.Workflow.FlowControlKeyStatus> GetFlowControlKeyAsync(string flowControlKey, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<Upstash.Workflow.GlobalParallelism> GetGlobalParallelismAsync(System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.FlowControlKeyStatus>> ListFlowControlKeysAsync(System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task PauseFlowControlKeyAsync(string flowControlKey, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task PinFlowControlKeyAsync(string flowControlKey, int? parallelism = default, int? rate = default, int? period = default, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task ResetFlowControlRateAsync(string flowControlKey, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task ResumeFlowControlKeyAsync(string flowControlKey, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task UnpinFlowControlKeyAsync(string flowControlKey, bool? parallelism = default, bool? rate = default, System.Threading.CancellationToken cancellationToken = default);
    }
    public interface ILogsClient
    {
        System.Threading.Tasks.Task<Upstash.Workflow.WorkflowRunLogsPage> ListLogsAsync(string? cursor = null, string? workflowUrl = null, string? workflowRunId = null, long? workflowCreatedAt = default, string? workflowRuns = null, Upstash.Workflow.RunLogState? state = default, long? fromDate = default, long? toDate = default, int? count = default, int? trimBody = default, System.Collections.Generic.IEnumerable<string>? label = null, string? flowControlKey = null, string? callerIp = null, System.Threading.CancellationToken cancellationToken = default);
    }
    public interface INotifyClient
    {
        System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.Waiter>> ListWaitersAsync(string eventId, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.NotifyResponse>> NotifyEventAsync(string eventId, Upstash.Workflow.WorkflowPayload? payload = null, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<Upstash.Workflow.NotifyResponse> NotifyWorkflowRunAsync(string workflowRunId, string eventId, Upstash.Workflow.WorkflowPayload? payload = null, System.Threading.CancellationToken cancellationToken = default);
    }
    public interface IRunsClient
    {
        System.Threading.Tasks.Task CancelWorkflowRunAsync(string workflowRunId, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<Upstash.Workflow.CancelWorkflowRunsResult> CancelWorkflowRunsAsync(System.Collections.Generic.IEnumerable<string>? workflowRunIds = null, System.Collections.Generic.IEnumerable<string>? workflowUrl = null, bool? workflowUrlExactMatch = default, long? fromDate = default, long? toDate = default, System.Collections.Generic.IEnumerable<string>? callerIp = null, System.Collections.Generic.IEnumerable<string>? flowControlKey = null, System.Collections.Generic.IEnumerable<string>? label = null, int? count = default, bool? all = default, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<Upstash.Workflow.TriggerWorkflowResult> TriggerWorkflowAsync(string workflowUrl, string? workflowRunId = null, long? notBefore = default, System.Collections.Generic.IDictionary<string, string>? forwardHeaders = null, System.Collections.Generic.IDictionary<string, string>? failureCallbackForwardHeaders = null, int? retries = default, string? delay = null, string? retryDelay = null, string? flowControlKey = null, string? flowControlValue = null, string? label = null, string? failureCallback = null, Upstash.Workflow.WorkflowPayload? payload = null, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.BatchTriggerResult>> TriggerWorkflowBatchAsync(System.Collections.Generic.IEnumerable<Upstash.Workflow.BatchTriggerItem> runs, System.Threading.CancellationToken cancellationToken = default);
    }
    public interface ISigningKeysClient
    {
        System.Threading.Tasks.Task<Upstash.Workflow.SigningKeys> GetSigningKeysAsync(System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<Upstash.Workflow.SigningKeys> RotateSigningKeysAsync(System.Threading.CancellationToken cancellationToken = default);
    }
    public interface IUpstashPage
    {
        string? NextCursor { get; }
    }
    public interface IUpstashWorkflowClient
    {
        Upstash.Workflow.IDlqClient Dlq { get; }
        Upstash.Workflow.IFlowControlClient FlowControl { get; }
        Upstash.Workflow.ILogsClient Logs { get; }
        Upstash.Workflow.INotifyClient Notify { get; }
        Upstash.Workflow.IRunsClient Runs { get; }
        Upstash.Workflow.ISigningKeysClient SigningKeys { get; }
    }
    public class InvokerContext
    {
        public InvokerContext() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunCreatedAt", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.DateTimeOffset? WorkflowRunCreatedAt { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowRunId { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowUrl", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowUrl { get; set; }
    }
    public class LogsClient : Upstash.Workflow.Core.UpstashClientBase, Upstash.Workflow.ILogsClient
    {
        public LogsClient(System.Net.Http.HttpClient httpClient) { }
        protected Newtonsoft.Json.JsonSerializerSettings JsonSerializerSettings { get; }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.WorkflowRunLogsPage> ListLogsAsync(string? cursor = null, string? workflowUrl = null, string? workflowRunId = null, long? workflowCreatedAt = default, string? workflowRuns = null, Upstash.Workflow.RunLogState? state = default, long? fromDate = default, long? toDate = default, int? count = default, int? trimBody = default, System.Collections.Generic.IEnumerable<string>? label = null, string? flowControlKey = null, string? callerIp = null, System.Threading.CancellationToken cancellationToken = default) { }
        protected virtual System.Threading.Tasks.Task<Upstash.Workflow.LogsClient.ObjectResponseResult<T>> ReadObjectResponseAsync<T>(System.Net.Http.HttpResponseMessage response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, System.Threading.CancellationToken cancellationToken) { }
        protected struct ObjectResponseResult<T>
        {
            public ObjectResponseResult(T responseObject, string responseText) { }
            public T Object { get; }
            public string Text { get; }
        }
    }
    public class NotFoundException : Upstash.Workflow.UpstashWorkflowException
    {
        public NotFoundException(Upstash.Workflow.ErrorDetails details) { }
    }
    public class NotifyClient : Upstash.Workflow.Core.UpstashClientBase, Upstash.Workflow.INotifyClient
    {
        public NotifyClient(System.Net.Http.HttpClient httpClient) { }
        protected Newtonsoft.Json.JsonSerializerSettings JsonSerializerSettings { get; }
        public virtual System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.Waiter>> ListWaitersAsync(string eventId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.NotifyResponse>> NotifyEventAsync(string eventId, Upstash.Workflow.WorkflowPayload? payload = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.NotifyResponse> NotifyWorkflowRunAsync(string workflowRunId, string eventId, Upstash.Workflow.WorkflowPayload? payload = null, System.Threading.CancellationToken cancellationToken = default) { }
        protected virtual System.Threading.Tasks.Task<Upstash.Workflow.NotifyClient.ObjectResponseResult<T>> ReadObjectResponseAsync<T>(System.Net.Http.HttpResponseMessage response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, System.Threading.CancellationToken cancellationToken) { }
        protected struct ObjectResponseResult<T>
        {
            public ObjectResponseResult(T responseObject, string responseText) { }
            public T Object { get; }
            public string Text { get; }
        }
    }
    public class NotifyResponse
    {
        public NotifyResponse() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("deduplicated", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public bool? Deduplicated { get; set; }
        [Newtonsoft.Json.JsonProperty("error", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Error { get; set; }
        [Newtonsoft.Json.JsonProperty("messageId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? MessageId { get; set; }
        [Newtonsoft.Json.JsonProperty("waiter", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public Upstash.Workflow.Waiter? Waiter { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowCreatedAt", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.DateTimeOffset? WorkflowCreatedAt { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowRunId { get; set; }
    }
    public enum RateLimitKind
    {
        Unknown = 0,
        Burst = 1,
        Daily = 2,
    }
    public class RateLimitedException : Upstash.Workflow.UpstashWorkflowException
    {
        public RateLimitedException(Upstash.Workflow.ErrorDetails details) { }
        public Upstash.Workflow.RateLimitKind Kind { get; }
        public long? Limit { get; }
        public long? Remaining { get; }
        public long? Reset { get; }
        public System.TimeSpan? RetryAfter { get; }
    }
    public class RestartWorkflowResult
    {
        public RestartWorkflowResult() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowCreatedAt", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.DateTimeOffset? WorkflowCreatedAt { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowRunId { get; set; }
    }
    public class ResumeWorkflowResult
    {
        public ResumeWorkflowResult() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowCreatedAt", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.DateTimeOffset? WorkflowCreatedAt { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowRunId { get; set; }
    }
    public class RetryFailureCallbackResult
    {
        public RetryFailureCallbackResult() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowCreatedAt", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.DateTimeOffset? WorkflowCreatedAt { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowRunId { get; set; }
    }
    [Newtonsoft.Json.JsonConverter(typeof(Upstash.Workflow.Serialization.ExtensibleEnumConverter<Upstash.Workflow.RunLogState>))]
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
    public class RunsClient : Upstash.Workflow.Core.UpstashClientBase, Upstash.Workflow.IRunsClient
    {
        public RunsClient(System.Net.Http.HttpClient httpClient) { }
        protected Newtonsoft.Json.JsonSerializerSettings JsonSerializerSettings { get; }
        public virtual System.Threading.Tasks.Task CancelWorkflowRunAsync(string workflowRunId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.CancelWorkflowRunsResult> CancelWorkflowRunsAsync(System.Collections.Generic.IEnumerable<string>? workflowRunIds = null, System.Collections.Generic.IEnumerable<string>? workflowUrl = null, bool? workflowUrlExactMatch = default, long? fromDate = default, long? toDate = default, System.Collections.Generic.IEnumerable<string>? callerIp = null, System.Collections.Generic.IEnumerable<string>? flowControlKey = null, System.Collections.Generic.IEnumerable<string>? label = null, int? count = default, bool? all = default, System.Threading.CancellationToken cancellationToken = default) { }
        protected virtual System.Threading.Tasks.Task<Upstash.Workflow.RunsClient.ObjectResponseResult<T>> ReadObjectResponseAsync<T>(System.Net.Http.HttpResponseMessage response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.TriggerWorkflowResult> TriggerWorkflowAsync(string workflowUrl, string? workflowRunId = null, long? notBefore = default, System.Collections.Generic.IDictionary<string, string>? forwardHeaders = null, System.Collections.Generic.IDictionary<string, string>? failureCallbackForwardHeaders = null, int? retries = default, string? delay = null, string? retryDelay = null, string? flowControlKey = null, string? flowControlValue = null, string? label = null, string? failureCallback = null, Upstash.Workflow.WorkflowPayload? payload = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Upstash.Workflow.BatchTriggerResult>> TriggerWorkflowBatchAsync(System.Collections.Generic.IEnumerable<Upstash.Workflow.BatchTriggerItem> runs, System.Threading.CancellationToken cancellationToken = default) { }
        protected struct ObjectResponseResult<T>
        {
            public ObjectResponseResult(T responseObject, string responseText) { }
            public T Object { get; }
            public string Text { get; }
        }
    }
    public class ServerErrorException : Upstash.Workflow.UpstashWorkflowException
    {
        public ServerErrorException(Upstash.Workflow.ErrorDetails details) { }
    }
    public class SigningKeys
    {
        public SigningKeys() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("current", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Current { get; set; }
        [Newtonsoft.Json.JsonProperty("next", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Next { get; set; }
    }
    public class SigningKeysClient : Upstash.Workflow.Core.UpstashClientBase, Upstash.Workflow.ISigningKeysClient
    {
        public SigningKeysClient(System.Net.Http.HttpClient httpClient) { }
        protected Newtonsoft.Json.JsonSerializerSettings JsonSerializerSettings { get; }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.SigningKeys> GetSigningKeysAsync(System.Threading.CancellationToken cancellationToken = default) { }
        protected virtual System.Threading.Tasks.Task<Upstash.Workflow.SigningKeysClient.ObjectResponseResult<T>> ReadObjectResponseAsync<T>(System.Net.Http.HttpResponseMessage response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.SigningKeys> RotateSigningKeysAsync(System.Threading.CancellationToken cancellationToken = default) { }
        protected struct ObjectResponseResult<T>
        {
            public ObjectResponseResult(T responseObject, string responseText) { }
            public T Object { get; }
            public string Text { get; }
        }
    }
    public class StartedRun
    {
        public StartedRun() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowCreatedAt", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.DateTimeOffset? WorkflowCreatedAt { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowRunId { get; set; }
    }
    public class StepInfo
    {
        public StepInfo() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("callBody", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? CallBody { get; set; }
        [Newtonsoft.Json.JsonProperty("callHeaders", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>>? CallHeaders { get; set; }
        [Newtonsoft.Json.JsonProperty("callMethod", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? CallMethod { get; set; }
        [Newtonsoft.Json.JsonProperty("callResponseBody", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? CallResponseBody { get; set; }
        [Newtonsoft.Json.JsonProperty("callResponseHeaders", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>>? CallResponseHeaders { get; set; }
        [Newtonsoft.Json.JsonProperty("callResponseStatus", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public long? CallResponseStatus { get; set; }
        [Newtonsoft.Json.JsonProperty("callType", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? CallType { get; set; }
        [Newtonsoft.Json.JsonProperty("callUrl", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? CallUrl { get; set; }
        [Newtonsoft.Json.JsonProperty("createdAt", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.DateTimeOffset? CreatedAt { get; set; }
        [Newtonsoft.Json.JsonProperty("invokedWorkflowRunId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? InvokedWorkflowRunId { get; set; }
        [Newtonsoft.Json.JsonProperty("invokedWorkflowUrl", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? InvokedWorkflowUrl { get; set; }
        [Newtonsoft.Json.JsonProperty("messageId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? MessageId { get; set; }
        [Newtonsoft.Json.JsonProperty("nextDeliveryTime", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.DateTimeOffset? NextDeliveryTime { get; set; }
        [Newtonsoft.Json.JsonProperty("out", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Out { get; set; }
        [Newtonsoft.Json.JsonProperty("retries", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? Retries { get; set; }
        [Newtonsoft.Json.JsonProperty("state", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? State { get; set; }
        [Newtonsoft.Json.JsonProperty("stepId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public long? StepId { get; set; }
        [Newtonsoft.Json.JsonProperty("stepName", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? StepName { get; set; }
        [Newtonsoft.Json.JsonProperty("stepType", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? StepType { get; set; }
        [Newtonsoft.Json.JsonProperty("waitEventId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WaitEventId { get; set; }
        [Newtonsoft.Json.JsonProperty("waitTimeout", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public bool? WaitTimeout { get; set; }
    }
    public class TriggerWorkflowResult
    {
        public TriggerWorkflowResult() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowCreatedAt", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.DateTimeOffset? WorkflowCreatedAt { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowRunId { get; set; }
    }
    public class UnauthorizedException : Upstash.Workflow.UpstashWorkflowException
    {
        public UnauthorizedException(Upstash.Workflow.ErrorDetails details) { }
    }
    public static class UpstashPaging
    {
        [System.Runtime.CompilerServices.AsyncIteratorStateMachine(typeof(Upstash.Workflow.UpstashPaging.<ItemsAsync>d__1<TPage, TItem>))]
        public static System.Collections.Generic.IAsyncEnumerable<TItem> ItemsAsync<TPage, TItem>(System.Func<string?, System.Threading.CancellationToken, System.Threading.Tasks.Task<TPage>> fetchPage, System.Func<TPage, System.Collections.Generic.IEnumerable<TItem>?> items, [System.Runtime.CompilerServices.EnumeratorCancellation] System.Threading.CancellationToken cancellationToken = default)
            where TPage : Upstash.Workflow.IUpstashPage { }
        [System.Runtime.CompilerServices.AsyncIteratorStateMachine(typeof(Upstash.Workflow.UpstashPaging.<PagesAsync>d__0<TPage>))]
        public static System.Collections.Generic.IAsyncEnumerable<TPage> PagesAsync<TPage>(System.Func<string?, System.Threading.CancellationToken, System.Threading.Tasks.Task<TPage>> fetchPage, [System.Runtime.CompilerServices.EnumeratorCancellation] System.Threading.CancellationToken cancellationToken = default)
            where TPage : Upstash.Workflow.IUpstashPage { }
        [System.Runtime.CompilerServices.AsyncIteratorStateMachine(typeof(Upstash.Workflow.UpstashPaging.<RepeatWhileAsync>d__2<TResult>))]
        public static System.Collections.Generic.IAsyncEnumerable<TResult> RepeatWhileAsync<TResult>(System.Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<TResult>> call, System.Func<TResult, bool> more, [System.Runtime.CompilerServices.EnumeratorCancellation] System.Threading.CancellationToken cancellationToken = default) { }
    }
    public sealed class UpstashTimeoutException : System.TimeoutException
    {
        public UpstashTimeoutException(System.TimeSpan timeout, string request, System.Exception? innerException = null) { }
        public System.TimeSpan Timeout { get; }
    }
    public class UpstashWorkflowClient : System.IDisposable, Upstash.Workflow.IUpstashWorkflowClient
    {
        [Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructor]
        public UpstashWorkflowClient(System.Net.Http.HttpClient httpClient) { }
        public UpstashWorkflowClient(Upstash.Workflow.Configuration.UpstashWorkflowClientOptions options, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null) { }
        public virtual Upstash.Workflow.IDlqClient Dlq { get; }
        public virtual Upstash.Workflow.IFlowControlClient FlowControl { get; }
        public virtual Upstash.Workflow.ILogsClient Logs { get; }
        public virtual Upstash.Workflow.INotifyClient Notify { get; }
        public virtual Upstash.Workflow.IRunsClient Runs { get; }
        public virtual Upstash.Workflow.ISigningKeysClient SigningKeys { get; }
        public void Dispose() { }
        protected virtual void Dispose(bool disposing) { }
        public static void Configure(System.Net.Http.HttpClient httpClient, Upstash.Workflow.Configuration.UpstashWorkflowClientOptions options) { }
        public static System.Net.Http.HttpMessageHandler CreateAuthenticatedHandler(Upstash.Workflow.Configuration.UpstashWorkflowClientOptions options, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null) { }
        public static System.Net.Http.HttpMessageHandler CreateHandler(Upstash.Workflow.Configuration.UpstashWorkflowClientOptions options, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null) { }
        public static Upstash.Workflow.UpstashWorkflowClient FromEnvironment() { }
    }
    public class UpstashWorkflowException : System.Exception
    {
        public const int MaxBodyLength = 4096;
        public UpstashWorkflowException(Upstash.Workflow.ErrorDetails details, System.Exception? innerException = null) { }
        public UpstashWorkflowException(string message, int statusCode, string? response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, System.Exception? innerException) { }
        public string? ErrorMessage { get; }
        public System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> Headers { get; }
        public string? ResponseBody { get; }
        public int StatusCode { get; }
    }
    public class UpstashWorkflowException<TResult> : Upstash.Workflow.UpstashWorkflowException
    {
        public UpstashWorkflowException(string message, int statusCode, string? response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, TResult result, System.Exception? innerException) { }
        public TResult Result { get; }
    }
    public class Waiter
    {
        public Waiter() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("deadline", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public long? Deadline { get; set; }
        [Newtonsoft.Json.JsonProperty("headers", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>>? Headers { get; set; }
        [Newtonsoft.Json.JsonProperty("timeoutBody", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public byte[]? TimeoutBody { get; set; }
        [Newtonsoft.Json.JsonProperty("timeoutHeaders", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>>? TimeoutHeaders { get; set; }
        [Newtonsoft.Json.JsonProperty("timeoutUrl", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? TimeoutUrl { get; set; }
        [Newtonsoft.Json.JsonProperty("url", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Url { get; set; }
    }
    public class WorkflowDlqMessage
    {
        public WorkflowDlqMessage() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("body", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Body { get; set; }
        [Newtonsoft.Json.JsonProperty("bodyBase64", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? BodyBase64 { get; set; }
        [Newtonsoft.Json.JsonProperty("callerIP", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? CallerIP { get; set; }
        [Newtonsoft.Json.JsonProperty("createdAt", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.DateTimeOffset? CreatedAt { get; set; }
        [Newtonsoft.Json.JsonProperty("dlqId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? DlqId { get; set; }
        [Newtonsoft.Json.JsonProperty("failureCallback", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? FailureCallback { get; set; }
        [Newtonsoft.Json.JsonProperty("failureFunctionState", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public Upstash.Workflow.FailureFunctionState? FailureFunctionState { get; set; }
        [Newtonsoft.Json.JsonProperty("flowControlKey", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? FlowControlKey { get; set; }
        [Newtonsoft.Json.JsonProperty("header", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>>? Header { get; set; }
        [Newtonsoft.Json.JsonProperty("label", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        [System.Obsolete]
        public string? Label { get; set; }
        [Newtonsoft.Json.JsonProperty("labels", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IList<string>? Labels { get; set; }
        [Newtonsoft.Json.JsonProperty("maxRetries", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? MaxRetries { get; set; }
        [Newtonsoft.Json.JsonProperty("method", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Method { get; set; }
        [Newtonsoft.Json.JsonProperty("responseBody", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? ResponseBody { get; set; }
        [Newtonsoft.Json.JsonProperty("responseBodyBase64", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? ResponseBodyBase64 { get; set; }
        [Newtonsoft.Json.JsonProperty("responseHeader", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<string>>? ResponseHeader { get; set; }
        [Newtonsoft.Json.JsonProperty("responseStatus", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? ResponseStatus { get; set; }
        [Newtonsoft.Json.JsonProperty("url", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Url { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowCreatedAt", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.DateTimeOffset? WorkflowCreatedAt { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowRunId { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowUrl", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowUrl { get; set; }
    }
    public static class WorkflowDuration
    {
        public static string Format(System.TimeSpan value) { }
    }
    public static class WorkflowLabels
    {
        public static string Join([System.Runtime.CompilerServices.ParamCollection] System.Collections.Generic.IEnumerable<string> labels) { }
    }
    public abstract class WorkflowPayload
    {
        public abstract string MediaType { get; }
        public abstract System.Net.Http.HttpContent ToHttpContent(Newtonsoft.Json.JsonSerializerSettings settings);
        public static Upstash.Workflow.WorkflowPayload Bytes(System.ReadOnlyMemory<byte> bytes) { }
        public static Upstash.Workflow.WorkflowPayload Json(object? value) { }
        public static Upstash.Workflow.WorkflowPayload RawJson(string json) { }
        public static Upstash.Workflow.WorkflowPayload Text(string text) { }
    }
    public class WorkflowRun
    {
        public WorkflowRun() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("dlqId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? DlqId { get; set; }
        [Newtonsoft.Json.JsonProperty("failureFunction", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public Upstash.Workflow.FailureFunction? FailureFunction { get; set; }
        [Newtonsoft.Json.JsonProperty("flowControlKey", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? FlowControlKey { get; set; }
        [Newtonsoft.Json.JsonProperty("invoker", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public Upstash.Workflow.InvokerContext? Invoker { get; set; }
        [Newtonsoft.Json.JsonProperty("label", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        [System.Obsolete]
        public string? Label { get; set; }
        [Newtonsoft.Json.JsonProperty("labels", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IList<string>? Labels { get; set; }
        [Newtonsoft.Json.JsonProperty("steps", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IList<Upstash.Workflow.GroupedSteps>? Steps { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunCallerIp", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowRunCallerIp { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunCompletedAt", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.DateTimeOffset? WorkflowRunCompletedAt { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunCreatedAt", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.DateTimeOffset? WorkflowRunCreatedAt { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowRunId { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunResponse", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowRunResponse { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowState", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public Upstash.Workflow.WorkflowRunState? WorkflowState { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowUrl", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowUrl { get; set; }
    }
    public class WorkflowRunLogsPage : Upstash.Workflow.IUpstashPage
    {
        public WorkflowRunLogsPage() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("cursor", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Cursor { get; set; }
        [Newtonsoft.Json.JsonProperty("runs", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IList<Upstash.Workflow.WorkflowRun>? Runs { get; set; }
    }
    [Newtonsoft.Json.JsonConverter(typeof(Upstash.Workflow.Serialization.ExtensibleEnumConverter<Upstash.Workflow.WorkflowRunState>))]
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
namespace Upstash.Workflow.Authentication
{
    public sealed class TokenHostPolicy
    {
        public TokenHostPolicy(System.Collections.Generic.IEnumerable<string>? allowedHosts = null) { }
        public void EnsureAllowed(System.Uri uri, Microsoft.Kiota.Abstractions.Authentication.AllowedHostsValidator? providerValidator = null) { }
        public static bool IsUpstashHost(string host) { }
    }
    public enum UpstashAuthMode
    {
        BearerHeader = 0,
        QueryToken = 1,
    }
    public sealed class UpstashAuthenticationHandler : System.Net.Http.DelegatingHandler
    {
        public UpstashAuthenticationHandler(Microsoft.Kiota.Abstractions.Authentication.IAccessTokenProvider tokens, Upstash.Workflow.Authentication.UpstashAuthMode mode, Upstash.Workflow.Authentication.TokenHostPolicy policy, Microsoft.Extensions.Logging.ILogger<Upstash.Workflow.Authentication.UpstashAuthenticationHandler>? logger = null) { }
        protected override System.Threading.Tasks.Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken) { }
    }
    public sealed class UpstashConfigurationException : System.InvalidOperationException
    {
        public UpstashConfigurationException(string message) { }
    }
}
namespace Upstash.Workflow.Configuration
{
    public static class UpstashRegions
    {
        public const string EuCentral1 = "eu-central-1";
        public const string UsEast1 = "us-east-1";
        public static System.Collections.Generic.IReadOnlyList<string> All { get; }
        public static System.Uri BaseAddress(string region) { }
        public static string Normalize(string region) { }
    }
    public sealed class UpstashWorkflowClientOptions
    {
        public static readonly System.Uri DefaultBaseAddress;
        public UpstashWorkflowClientOptions() { }
        public System.Collections.Generic.IList<string> AllowedHosts { get; }
        public Upstash.Workflow.Authentication.UpstashAuthMode AuthMode { get; set; }
        public System.Uri? BaseAddress { get; set; }
        public int MaxConnectionsPerServer { get; set; }
        public string? Region { get; set; }
        public System.TimeSpan Timeout { get; set; }
        public string? Token { get; set; }
        public Microsoft.Kiota.Abstractions.Authentication.IAccessTokenProvider? TokenProvider { get; set; }
        public string UserAgent { get; set; }
        public static string DefaultUserAgent { get; }
        public System.Uri ResolveBaseAddress() { }
        public Microsoft.Kiota.Abstractions.Authentication.IAccessTokenProvider ResolveTokenProvider() { }
        public override string ToString() { }
        public static Upstash.Workflow.Configuration.UpstashWorkflowClientOptions FromEnvironment(System.Func<string, string?>? variables = null) { }
    }
}
namespace Upstash.Workflow.Core
{
    public sealed class DeadlineHandler : System.Net.Http.DelegatingHandler
    {
        public DeadlineHandler(System.TimeSpan timeout) { }
        protected override System.Threading.Tasks.Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken) { }
    }
    public static class RequestGuard
    {
        public static System.Collections.Generic.IReadOnlySet<string> NotFilters { get; }
        public static void CheckBulk(System.Net.Http.HttpRequestMessage request, bool? all) { }
        public static string DateText(System.DateTimeOffset? value) { }
        public static string DateTimeText(System.DateTimeOffset? value) { }
        public static string HeaderValue(string? value, string parameterName) { }
        public static long InRange(long? value, long? minimum, long? maximum, string parameterName) { }
        public static string PathSegment(string? value, string parameterName) { }
        public static System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, string>> PrefixedHeaders(System.Collections.Generic.IDictionary<string, string>? headers, string prefix, string parameterName) { }
        public static System.Collections.Generic.IEnumerable<T> QueryList<T>(System.Collections.Generic.IEnumerable<T> values, string parameterName) { }
    }
    public abstract class UpstashClientBase
    {
        public static readonly System.Net.Http.HttpRequestOptionsKey<int> SuccessRedirect;
        protected UpstashClientBase() { }
        protected virtual System.Threading.Tasks.Task PrepareRequestAsync(System.Net.Http.HttpClient client, System.Net.Http.HttpRequestMessage request, System.Text.StringBuilder urlBuilder, System.Threading.CancellationToken cancellationToken) { }
        protected virtual System.Threading.Tasks.Task PrepareRequestAsync(System.Net.Http.HttpClient client, System.Net.Http.HttpRequestMessage request, string url, System.Threading.CancellationToken cancellationToken) { }
        protected virtual System.Threading.Tasks.Task ProcessResponseAsync(System.Net.Http.HttpClient client, System.Net.Http.HttpResponseMessage response, System.Threading.CancellationToken cancellationToken) { }
        protected static System.Threading.Tasks.Task<T?> ReadJsonAsync<T>(System.Net.Http.HttpResponseMessage response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, Newtonsoft.Json.JsonSerializerSettings settings, System.Threading.CancellationToken cancellationToken) { }
    }
}
namespace Upstash.Workflow.Errors
{
    public static class ErrorMapper
    {
        public const int MaxBodyBytes = 65536;
        public static System.Threading.Tasks.Task<Upstash.Workflow.UpstashWorkflowException> FromResponseAsync(System.Net.Http.HttpResponseMessage response, System.Threading.CancellationToken cancellationToken) { }
    }
}
namespace Upstash.Workflow.Serialization
{
    public sealed class UnixTimeMillisecondsConverter : Newtonsoft.Json.JsonConverter
    {
        public UnixTimeMillisecondsConverter() { }
        public override bool CanConvert(System.Type objectType) { }
        public override object? ReadJson(Newtonsoft.Json.JsonReader reader, System.Type objectType, object? existingValue, Newtonsoft.Json.JsonSerializer serializer) { }
        public override void WriteJson(Newtonsoft.Json.JsonWriter writer, object? value, Newtonsoft.Json.JsonSerializer serializer) { }
    }
}