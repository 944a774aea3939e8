namespace Upstash.Workflow.Testing;

/// <summary>How an <see cref="UpstashWorkflowEmulator"/> starts.</summary>
public sealed class UpstashWorkflowEmulatorOptions
{
    /// <summary>Every option at its default: a random token, any free port, the system clock, the service's limits.</summary>
    public UpstashWorkflowEmulatorOptions()
    {
    }

    /// <summary>The one token the emulator accepts; a random one when not set.</summary>
    // A secret: never written by a serializer (configuration binds it; JSON does not).
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Token { get; set; }

    /// <summary>The loopback port to listen on; 0 (the default) for any free one.</summary>
    public int Port { get; set; }

    /// <summary>The account's current signing key, which the emulator signs with; a random one when not set.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? CurrentSigningKey { get; set; }

    /// <summary>The account's next signing key; a random one when not set.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? NextSigningKey { get; set; }

    /// <summary>The emulator's clock (waiters' deadlines, signatures); <see cref="TimeProvider.System"/> when not set.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// The clock the signatures of deliveries are dated by; <see cref="TimeProvider"/> when not set. With a fake
    /// <see cref="TimeProvider"/> that skips time, set it to <see cref="System.TimeProvider.System"/>: a receiver in
    /// another process (an official SDK's) checks a signature's times against its own real clock, and takes only one
    /// dated now.
    /// </summary>
    public TimeProvider? SignatureTimeProvider { get; set; }

    /// <summary>
    /// Whether the emulator calls your endpoints as the service does: every step of a run (a workflow endpoint drives its
    /// run step by step), a <c>context.call</c> and its callback, and a failure callback when a run fails. On by default, and
    /// only ever to loopback addresses and <see cref="AllowedDeliveryHosts"/>: a URL anywhere else is never called,
    /// so nothing leaves the machine unless you allow it.
    /// </summary>
    public bool Deliver { get; set; } = true;

    /// <summary>Hosts besides loopback the emulator may call (a test server's name, say); over http or https only.</summary>
    public IList<string> AllowedDeliveryHosts { get; } = [];

    /// <summary>
    /// How much of an endpoint's answer the emulator reads and keeps (in the DLQ entry, the failure callback, the
    /// logs); the rest is not read, as the service keeps no more than its message size either. Default: 10 MB, as
    /// <see cref="MaxMessageSize"/>; each failed run may keep that much, so lower it where many runs fail with large answers.
    /// </summary>
    public int MaxAnswerSize { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// How many messages a workflow run may have (its payload, each step, each leg of a call) before the emulator fails
    /// it: a route that never ends stops here, in the DLQ with a message naming this limit. Default: 1,000.
    /// </summary>
    public int MaxStepsPerRun { get; set; } = 1000;

    /// <summary>
    /// Whether step deliveries to endpoints that support it (feature <c>LazyFetch</c>) come with an empty body, so the
    /// endpoint fetches the history itself (<c>GET /v2/workflows/runs/{id}</c>), as the service does for large
    /// histories. Off by default: the history is sent in the body.
    /// </summary>
    public bool LazyFetch { get; set; }

    /// <summary>
    /// How long the emulator waits for an endpoint's answer before it records the delivery as timed out. Default: 15
    /// minutes, as a step may run for minutes on the service; stopping the emulator never waits for it.
    /// </summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The most retries a run may ask for (<c>Upstash-Retries</c>); more is refused with 412, as the service refuses retries past
    /// its plan's maximum. Each retry waits at least 100 ms, so no run can make the emulator spin. Default: 20.
    /// </summary>
    public int MaxRetries { get; set; } = 20;

    /// <summary>How many items one <c>/v2/batch</c> or <c>/v2/batch/trigger</c> request may carry; more is a 400 naming this limit. Default: 1,000.</summary>
    public int MaxBatchItems { get; set; } = 1000;

    /// <summary>
    /// The largest request body the emulator reads (a message, a payload, an event); a larger one is refused with 413 before
    /// it is read. Default: 10 MB, as the service's larger plans allow; set it to your plan's message size to be refused
    /// where the service would refuse you.
    /// </summary>
    public int MaxMessageSize { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many deliveries to one host may be in flight at once; the others wait their turn. Default: 64.</summary>
    public int MaxDeliveriesPerHost { get; set; } = 64;

    /// <summary>How many events (notifies, webhook calls) may wait for one run that is not waiting yet; more is refused with 429. Default: 100.</summary>
    public int MaxEventsPerRun { get; set; } = 100;

    /// <summary>
    /// How many runs the emulator keeps: past it, the oldest ended runs go (with their logs and DLQ entries), so memory holds
    /// what is alive and a bounded past. Default: 10,000.
    /// </summary>
    public int MaxRuns { get; set; } = 10_000;

    /// <summary>
    /// How much of a delivery's body <see cref="UpstashWorkflowEmulator.Deliveries"/> keeps: a larger one is kept as its size and
    /// SHA-256. Default: 4 KB.
    /// </summary>
    public int MaxRecordedBodySize { get; set; } = 4 * 1024;

    /// <summary>Where the emulator writes what happens to each run (started, delivered, failed and retried, into the DLQ, called back), one line each; nowhere when null.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }
}
