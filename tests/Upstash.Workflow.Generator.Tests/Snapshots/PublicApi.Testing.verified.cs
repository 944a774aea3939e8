namespace Microsoft.Extensions.DependencyInjection
{
    public static class UpstashWorkflowEmulatorServiceCollectionExtensions
    {
        public static Microsoft.Extensions.DependencyInjection.IServiceCollection UseUpstashWorkflowEmulator(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, Upstash.Workflow.Testing.UpstashWorkflowEmulator emulator) { }
    }
}
namespace Upstash.Workflow.Testing
{
    public sealed class EmulatorCall : System.IEquatable<Upstash.Workflow.Testing.EmulatorCall>
    {
        public EmulatorCall(string? OperationId, string Method, string Path) { }
        public string Method { get; init; }
        public string? OperationId { get; init; }
        public string Path { get; init; }
    }
    public sealed class EmulatorDelivery : System.IEquatable<Upstash.Workflow.Testing.EmulatorDelivery>
    {
        public const string Call = "call";
        public const string CallResult = "callResult";
        public const string FailureCallback = "failureCallback";
        public const string Message = "message";
        public const string Workflow = "workflow";
        public EmulatorDelivery(string Kind, System.Uri Url, System.Collections.Generic.IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status, string WorkflowRunId) { }
        public byte[] Body { get; init; }
        public string BodySha256 { get; init; }
        public long BodySize { get; init; }
        public string? Failure { get; init; }
        public System.Collections.Generic.IReadOnlyDictionary<string, string> Headers { get; init; }
        public string Kind { get; init; }
        public System.DateTimeOffset? NextAttempt { get; }
        public System.DateTimeOffset SentAt { get; init; }
        public int Status { get; init; }
        public System.Uri Url { get; init; }
        public string WorkflowRunId { get; init; }
        public override string ToString() { }
    }
    public sealed class EmulatorFault
    {
        public System.TimeSpan Delay { get; }
        public string? Error { get; }
        public int Status { get; }
        public static Upstash.Workflow.Testing.EmulatorFault Failure(int status = 500, string error = "internal server error") { }
        public static Upstash.Workflow.Testing.EmulatorFault RateLimited(Upstash.Workflow.RateLimitKind kind = 1, System.TimeSpan? retryAfter = default, long limit = 100) { }
        public static Upstash.Workflow.Testing.EmulatorFault Slow(System.TimeSpan delay) { }
    }
    public sealed class EmulatorFaults
    {
        public EmulatorFaults() { }
        public void Clear() { }
        public void FailDeliveries(System.Uri url, int times = 1, int status = 500) { }
        public void Inject(System.Func<Upstash.Workflow.Testing.EmulatorCall, bool> when, Upstash.Workflow.Testing.EmulatorFault fault, int? times = default) { }
        public void Inject(string operationId, Upstash.Workflow.Testing.EmulatorFault fault, int times = 1) { }
    }
    public sealed class EmulatorRun : System.IEquatable<Upstash.Workflow.Testing.EmulatorRun>
    {
        public EmulatorRun() { }
        public required System.Collections.Generic.IReadOnlyList<byte> Body { get; init; }
        public string? ContentType { get; init; }
        public System.TimeSpan? Delay { get; init; }
        public System.Uri? FailureCallback { get; init; }
        public required System.Collections.Generic.IReadOnlyDictionary<string, string> FailureCallbackForwardedHeaders { get; init; }
        public Upstash.Workflow.WorkflowFlowControl? FlowControl { get; init; }
        public string? FlowControlKey { get; init; }
        public required System.Collections.Generic.IReadOnlyDictionary<string, string> ForwardedHeaders { get; init; }
        public required System.Collections.Generic.IReadOnlyList<string> Labels { get; init; }
        public System.DateTimeOffset? NotBefore { get; init; }
        public int Retries { get; init; }
        public string? RetryDelay { get; init; }
        public required Upstash.Workflow.WorkflowRunState State { get; init; }
        public required string WorkflowRunId { get; init; }
        public required System.Uri WorkflowUrl { get; init; }
        public override string ToString() { }
    }
    public sealed class UpstashWorkflowEmulator : System.IAsyncDisposable
    {
        public System.Uri BaseAddress { get; }
        public System.Collections.Generic.IReadOnlyList<Upstash.Workflow.Testing.EmulatorDelivery> Deliveries { get; }
        public System.Collections.Generic.IReadOnlyDictionary<string, string> EnvironmentVariables { get; }
        public System.Collections.Generic.IReadOnlyList<string> FailedRunIds { get; }
        public Upstash.Workflow.Testing.EmulatorFaults Faults { get; }
        public int RequestCount { get; }
        public System.Collections.Generic.IReadOnlyList<string> RunIds { get; }
        [System.Runtime.CompilerServices.TupleElementNames(new string[] {
                "Current",
                "Next"})]
        public System.ValueTuple<string, string> SigningKeys { get; }
        public string Token { get; }
        public void AddCall(string workflowRunId, System.Uri url, string method = "POST", string? body = null, System.Collections.Generic.IReadOnlyDictionary<string, string>? headers = null, int responseStatus = 200, string responseBody = "", System.Collections.Generic.IReadOnlyDictionary<string, string>? responseHeaders = null) { }
        public string AddFailedRun(string workflowUrl, System.Collections.Generic.IEnumerable<string>? labels = null, string? flowControlKey = null, string? body = null, int responseStatus = 500, string? responseBody = "step failed", string? failureCallback = null, Upstash.Workflow.FailureFunctionState? failureFunctionState = default) { }
        public string AddRun(string workflowUrl, System.Collections.Generic.IEnumerable<string>? labels = null, string? flowControlKey = null, byte[]? body = null) { }
        public void AddWaiter(string eventId, string workflowRunId, System.TimeSpan? timeout = default) { }
        public Upstash.Workflow.UpstashWorkflowClientOptions ClientOptions() { }
        public void CompleteRun(string workflowRunId, string response = "") { }
        public Upstash.Workflow.UpstashWorkflowClient CreateClient() { }
        public System.Threading.Tasks.Task DeliveriesCompletedAsync() { }
        public System.Threading.Tasks.ValueTask DisposeAsync() { }
        public string FailRun(string workflowRunId, int responseStatus = 500, byte[]? responseBody = null, System.Collections.Generic.IReadOnlyDictionary<string, string>? responseHeaders = null, int callbackStatus = 200) { }
        public System.Threading.Tasks.Task<string> FailRunAsync(string workflowRunId, int responseStatus = 500, byte[]? responseBody = null, System.Collections.Generic.IReadOnlyDictionary<string, string>? responseHeaders = null, int callbackStatus = 200) { }
        public string InvokeWorkflow(string workflowRunId, System.Uri workflowUrl, string body = "") { }
        public Upstash.Workflow.Testing.EmulatorRun? Run(string workflowRunId) { }
        public System.Collections.Generic.IReadOnlyList<string> RunLabels(string workflowRunId) { }
        public Upstash.Workflow.WorkflowRunState? RunState(string workflowRunId) { }
        public System.Threading.Tasks.Task<Upstash.Workflow.WorkflowRun> WaitForRunAsync(string workflowRunId, System.TimeSpan? timeout = default, System.Threading.CancellationToken cancellationToken = default) { }
        public static System.Threading.Tasks.Task<Upstash.Workflow.Testing.UpstashWorkflowEmulator> StartAsync(Upstash.Workflow.Testing.UpstashWorkflowEmulatorOptions options, System.Threading.CancellationToken cancellationToken = default) { }
        public static System.Threading.Tasks.Task<Upstash.Workflow.Testing.UpstashWorkflowEmulator> StartAsync(string? token = null, System.TimeProvider? time = null, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public sealed class UpstashWorkflowEmulatorOptions
    {
        public UpstashWorkflowEmulatorOptions() { }
        public System.Collections.Generic.IList<string> AllowedDeliveryHosts { get; }
        [System.Text.Json.Serialization.JsonIgnore]
        public string? CurrentSigningKey { get; set; }
        public bool Deliver { get; set; }
        public System.TimeSpan DeliveryTimeout { get; set; }
        public bool LazyFetch { get; set; }
        public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }
        public int MaxAnswerSize { get; set; }
        public int MaxBatchItems { get; set; }
        public int MaxDeliveriesPerHost { get; set; }
        public int MaxEventsPerRun { get; set; }
        public int MaxMessageSize { get; set; }
        public int MaxRecordedBodySize { get; set; }
        public int MaxRetries { get; set; }
        public int MaxRuns { get; set; }
        public int MaxStepsPerRun { get; set; }
        [System.Text.Json.Serialization.JsonIgnore]
        public string? NextSigningKey { get; set; }
        public int Port { get; set; }
        public System.TimeProvider? SignatureTimeProvider { get; set; }
        public System.TimeProvider? TimeProvider { get; set; }
        [System.Text.Json.Serialization.JsonIgnore]
        public string? Token { get; set; }
    }
}