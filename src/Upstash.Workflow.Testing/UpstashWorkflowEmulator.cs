using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Upstash.Workflow.Testing;

/// <summary>
/// The Upstash Workflow management API in memory, on 127.0.0.1 at a random port: the DLQ, runs, logs,
/// notify and waiters, flow control and signing keys, with the API's authentication and error bodies. It runs
/// workflows as the service does: a workflow endpoint (the official SDK's <c>serve()</c>) is driven step by step, signed,
/// with retries, sleeps on <see cref="UpstashWorkflowEmulatorOptions.TimeProvider"/>, events, calls, the DLQ and
/// failure callbacks. Runs can also be seeded and moved along from code (<see cref="AddRun"/>, <see cref="FailRun"/>,
/// <see cref="AddWaiter"/>, …; these send nothing) and inspected with <see cref="Run"/>.
/// <code>
/// await using var emulator = await UpstashWorkflowEmulator.StartAsync();
/// var dlqId = emulator.AddFailedRun("https://example.com/api/nightly", labels: ["nightly"]);
/// using var client = emulator.CreateClient();
/// </code>
/// </summary>
public sealed class UpstashWorkflowEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly DeliverySender _delivery;
    private readonly WorkflowEngine _engine;

    private UpstashWorkflowEmulator(WebApplication app, EmulatorState state, DeliverySender delivery, WorkflowEngine engine, string token, EmulatorFaults faults)
    {
        _app = app;
        _state = state;
        _delivery = delivery;
        _engine = engine;
        Token = token;
        Faults = faults;
    }

    /// <summary>Faults on demand: operations answered with a 429, an error or a delay; deliveries that fail.</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>Where the emulator listens, with a trailing slash.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The one token the emulator accepts (bearer or <c>qstash_token</c>).</summary>
    public string Token { get; }

    /// <summary>Starts an emulator; <paramref name="token"/> defaults to a random one.</summary>
    /// <param name="token">The one token it accepts; a random one when null.</param>
    /// <param name="time">Its clock (sleeps, retries, waits, signatures); the system's when null.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static Task<UpstashWorkflowEmulator> StartAsync(string? token = null, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        StartAsync(new UpstashWorkflowEmulatorOptions { Token = token, TimeProvider = time }, cancellationToken);

    /// <summary>Starts an emulator configured by <paramref name="options"/>.</summary>
    /// <param name="options">Token, port, signing keys, clock, and what it may deliver to.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static async Task<UpstashWorkflowEmulator> StartAsync(UpstashWorkflowEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Shaped as the service's tokens are (base64 of JSON naming the user), which the SDK reads for webhook URLs.
        var token = options.Token ?? Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $$"""{"UserID":"emulator","Password":"{{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant()}}"}"""));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        // The host inside a test or an application must not take Ctrl+C and SIGTERM for itself: they are the process's.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        var app = builder.Build();
        var state = new EmulatorState(options.TimeProvider ?? TimeProvider.System, options.MaxRuns);
        if (options.CurrentSigningKey is { Length: > 0 } current)
        {
            state.Change((EmulatorState s) => (s.CurrentKey, s.NextKey) = (current, options.NextSigningKey is { Length: > 0 } next ? next : s.NextKey));
        }
        var log = new EmulatorLog(options.LoggerFactory);
        var faults = new EmulatorFaults();
        var delivery = new DeliverySender(state, options, log, faults);
        state.Evicted = delivery.Forget;
        var flow = new FlowGate(state, delivery);
        var engine = new WorkflowEngine(state, delivery, flow, options, log);
        var api = new EmulatorApi(state, token, engine, flow, faults, options, log, new Dashboard.DashboardServer(state, delivery, token));
        app.Run(api.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var emulator = new UpstashWorkflowEmulator(app, state, delivery, engine, token, faults) { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
        api.Port = emulator.BaseAddress.Port;
        delivery.Serving(emulator.BaseAddress);
        return emulator;
    }

    /// <summary>Options for a client of this emulator (base address and token set).</summary>
    public UpstashWorkflowClientOptions ClientOptions()
    {
        var options = new UpstashWorkflowClientOptions();
        Apply(options);
        return options;
    }

    /// <summary>Points <paramref name="options"/> at this emulator: its address and token, nothing else that would lead elsewhere.</summary>
    internal void Apply(UpstashWorkflowClientOptions options)
    {
        options.BaseAddress = BaseAddress;
        options.Token = Token;
        options.Region = null;
        options.TokenProvider = null;
        options.Transport = null;
    }

    /// <summary>A client of this emulator.</summary>
    public UpstashWorkflowClient CreateClient() => new(ClientOptions());

    /// <summary>
    /// Puts a failed run in the DLQ and returns its DLQ id: a run is started with these settings and failed
    /// with this answer (see <see cref="FailRun"/>). A failure callback given here is recorded as having failed
    /// (<c>CALLBACK_FAIL</c>) unless <paramref name="failureFunctionState"/> says otherwise.
    /// </summary>
    /// <param name="workflowUrl">The workflow endpoint the run called.</param>
    /// <param name="labels">The run's labels.</param>
    /// <param name="flowControlKey">The run's flow-control key.</param>
    /// <param name="body">The run's payload (JSON); none when null.</param>
    /// <param name="responseStatus">The status the failing step answered.</param>
    /// <param name="responseBody">What it answered.</param>
    /// <param name="failureCallback">The run's failure callback URL, if it had one.</param>
    /// <param name="failureFunctionState">Its outcome (<c>CALLBACK_SUCCESS</c>, …); <c>CALLBACK_FAIL</c> when null and a callback is given.</param>
    public string AddFailedRun(string workflowUrl, IEnumerable<string>? labels = null, string? flowControlKey = null, string? body = null,
        int responseStatus = 500, string? responseBody = "step failed", string? failureCallback = null, FailureFunctionState? failureFunctionState = null)
    {
        var settings = new RunSettings { Labels = labels?.ToArray(), FlowControlKey = flowControlKey, FailureCallback = failureCallback };
        var run = _engine.AddRun(workflowUrl, settings, Encoding.UTF8.GetBytes(body ?? ""), body is null ? null : "application/json");
        var entry = _engine.FailRunAsync(run.WorkflowRunId, responseStatus, Encoding.UTF8.GetBytes(responseBody ?? ""), null, callbackStatus: 500, callsBack: false).GetAwaiter().GetResult();
        if (failureFunctionState is { } state)
        {
            _state.Change(_ => entry.SetCallbackState(state));
        }
        return entry.DlqId;
    }

    /// <summary>Starts a run (as a trigger would) and returns its id; <paramref name="body"/> is its payload (application/octet-stream).</summary>
    /// <param name="workflowUrl">The workflow endpoint the run calls.</param>
    /// <param name="labels">The run's labels.</param>
    /// <param name="flowControlKey">The run's flow-control key.</param>
    /// <param name="body">The run's payload; none when null.</param>
    public string AddRun(string workflowUrl, IEnumerable<string>? labels = null, string? flowControlKey = null, byte[]? body = null) =>
        _engine.AddRun(workflowUrl, new RunSettings { Labels = labels?.ToArray(), FlowControlKey = flowControlKey }, body ?? [], body is null ? null : "application/octet-stream").WorkflowRunId;

    /// <summary>
    /// Fails a started run as the service does once its retries are spent: the run ends <c>RUN_FAILED</c>, and its
    /// request (payload, forwarded headers, retries, failure callback) goes to the DLQ with the answer that failed it.
    /// A run with a failure callback has it called; <paramref name="callbackStatus"/> is what the callback answers.
    /// Returns the DLQ id. A body that is not UTF-8 appears as <c>bodyBase64</c>/<c>responseBodyBase64</c>, as the service sends it.
    /// A failure callback on loopback (or an allowed host) is really called, signed as Upstash signs, before this returns;
    /// its answer is recorded (<see cref="Deliveries"/>, the DLQ entry's <c>failureFunctionState</c>). One anywhere else
    /// is not called, and <paramref name="callbackStatus"/> stands for its answer.
    /// </summary>
    /// <param name="workflowRunId">The started run to fail.</param>
    /// <param name="responseStatus">The status the failing step answered.</param>
    /// <param name="responseBody">What it answered; "step failed" when null.</param>
    /// <param name="responseHeaders">The answer's headers.</param>
    /// <param name="callbackStatus">What the failure callback answers when it is not called (not on loopback or an allowed host).</param>
    public string FailRun(string workflowRunId, int responseStatus = 500, byte[]? responseBody = null,
        IReadOnlyDictionary<string, string>? responseHeaders = null, int callbackStatus = 200) =>
        FailRunAsync(workflowRunId, responseStatus, responseBody, responseHeaders, callbackStatus).GetAwaiter().GetResult();

    /// <summary>As <see cref="FailRun"/>, without blocking while the failure callback is called.</summary>
    /// <param name="workflowRunId">The started run to fail.</param>
    /// <param name="responseStatus">The status the failing step answered.</param>
    /// <param name="responseBody">What it answered; "step failed" when null.</param>
    /// <param name="responseHeaders">The answer's headers.</param>
    /// <param name="callbackStatus">What the failure callback answers when it is not called (not on loopback or an allowed host).</param>
    public async Task<string> FailRunAsync(string workflowRunId, int responseStatus = 500, byte[]? responseBody = null,
        IReadOnlyDictionary<string, string>? responseHeaders = null, int callbackStatus = 200) =>
        (await _engine.FailRunAsync(workflowRunId, responseStatus, responseBody ?? Encoding.UTF8.GetBytes("step failed"), responseHeaders, callbackStatus).ConfigureAwait(false)).DlqId;

    /// <summary>
    /// The account's signing keys, as <c>GET /v2/keys</c> answers: what your endpoint's verifier is configured with.
    /// Rotating (<c>POST /v2/keys/rotate</c>) makes the next key current and draws a new next one, as the service does.
    /// </summary>
    public (string Current, string Next) SigningKeys => _state.Read(s => (s.CurrentKey, s.NextKey));

    /// <summary>Every request the emulator sent to your endpoints so far (steps, calls and their callbacks, failure callbacks), with its answer.</summary>
    public IReadOnlyList<EmulatorDelivery> Deliveries => _delivery.Delivered;

    /// <summary>
    /// Waits until every delivery in flight was answered and recorded, the ones they lead to included. A delivery waiting
    /// for its time (a sleep, a delay, a retry's backoff) is not in flight: move the clock to send it.
    /// </summary>
    public Task DeliveriesCompletedAsync() => _delivery.IdleAsync();

    /// <summary>Ends a started run in <c>RUN_SUCCESS</c>; <paramref name="response"/> is what it returned (<c>workflowRunResponse</c>).</summary>
    /// <param name="workflowRunId">The started run.</param>
    /// <param name="response">What it returned.</param>
    public void CompleteRun(string workflowRunId, string response = "") => _engine.CompleteRun(workflowRunId, response);

    /// <summary>Records an HTTP call a run made from a step (<c>context.call</c>), with its answer, as a step of the run's logs.</summary>
    /// <param name="workflowRunId">The started run that made the call.</param>
    /// <param name="url">What it called.</param>
    /// <param name="method">The call's HTTP method.</param>
    /// <param name="body">The call's body.</param>
    /// <param name="headers">The call's headers.</param>
    /// <param name="responseStatus">The answer's status.</param>
    /// <param name="responseBody">The answer's body.</param>
    /// <param name="responseHeaders">The answer's headers.</param>
    public void AddCall(string workflowRunId, Uri url, string method = "POST", string? body = null, IReadOnlyDictionary<string, string>? headers = null,
        int responseStatus = 200, string responseBody = "", IReadOnlyDictionary<string, string>? responseHeaders = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        _engine.AddCall(workflowRunId, url.AbsoluteUri, method, body, headers, responseStatus, responseBody, responseHeaders);
    }

    /// <summary>Has a run start another workflow from a step (<c>context.invoke</c>); returns the new run's id, whose logs name its invoker.</summary>
    /// <param name="workflowRunId">The started run that invokes.</param>
    /// <param name="workflowUrl">The workflow it invokes.</param>
    /// <param name="body">The invoked run's payload.</param>
    public string InvokeWorkflow(string workflowRunId, Uri workflowUrl, string body = "")
    {
        ArgumentNullException.ThrowIfNull(workflowUrl);
        return _engine.Invoke(workflowRunId, workflowUrl.AbsoluteUri, Encoding.UTF8.GetBytes(body)).WorkflowRunId;
    }

    /// <summary>
    /// Makes <paramref name="workflowRunId"/> wait for <paramref name="eventId"/> (a wait step in its logs). An event
    /// already sent to that run for that id ends the wait at once. The wait times out after <paramref name="timeout"/> (default an hour),
    /// by the emulator's <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="eventId">The event it waits for.</param>
    /// <param name="workflowRunId">The run that waits.</param>
    /// <param name="timeout">How long it waits; an hour when null.</param>
    public void AddWaiter(string eventId, string workflowRunId, TimeSpan? timeout = null) => _engine.AddWaiter(eventId, workflowRunId, timeout ?? TimeSpan.FromHours(1));

    /// <summary>The DLQ ids now in the DLQ, oldest first.</summary>
    public IReadOnlyList<string> FailedRunIds => _state.Read(s => s.Dlq.Select(e => e.DlqId).ToList());

    /// <summary>The ids of every run the emulator knows, oldest first.</summary>
    public IReadOnlyList<string> RunIds => _state.Read(s => s.Runs.Select(r => r.WorkflowRunId).ToList());

    /// <summary>The state of a run ("RUN_STARTED", "RUN_CANCELED", …), or null when there is no such run.</summary>
    /// <param name="workflowRunId">The run.</param>
    public WorkflowRunState? RunState(string workflowRunId) => _state.Read(s => s.FindRun(workflowRunId)?.WorkflowState);

    /// <summary>The labels of a run.</summary>
    /// <param name="workflowRunId">The run.</param>
    public IReadOnlyList<string> RunLabels(string workflowRunId) => _state.Read(s => (s.FindRun(workflowRunId) ?? throw new ArgumentException($"No run {workflowRunId}.", nameof(workflowRunId))).Labels.ToList());

    /// <summary>Everything the emulator keeps of a run: what its trigger (or the resume or restart that started it) sent, or null when there is no such run.</summary>
    /// <param name="workflowRunId">The run.</param>
    public EmulatorRun? Run(string workflowRunId) => _state.Read(s => s.FindRun(workflowRunId) is { } run ? EmulatorRun.Of(run) : null);

    /// <summary>
    /// The four variables an official SDK reads to use this emulator (<c>QSTASH_URL</c>, <c>QSTASH_TOKEN</c>,
    /// <c>QSTASH_CURRENT_SIGNING_KEY</c>, <c>QSTASH_NEXT_SIGNING_KEY</c>): give them to the process of a workflow app in
    /// another language. The keys are the current ones (a rotation changes them).
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables
    {
        get
        {
            var (current, next) = SigningKeys;
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["QSTASH_URL"] = BaseAddress.AbsoluteUri.TrimEnd('/'),
                ["QSTASH_TOKEN"] = Token,
                ["QSTASH_CURRENT_SIGNING_KEY"] = current,
                ["QSTASH_NEXT_SIGNING_KEY"] = next,
            };
        }
    }

    /// <summary>
    /// Waits until the run has ended (succeeded, failed or was cancelled) and returns it as the logs show it: its state,
    /// result and every step. Sleeps and retry backoffs pass on the emulator's clock: on the real clock this waits them
    /// out; on a fake one, move it. A run still going after <paramref name="timeout"/> (30 s when null) is reported
    /// with why it stands still: the step it is on, and the reason its last delivery failed with the next try.
    /// </summary>
    /// <param name="workflowRunId">The run, as its trigger returned it.</param>
    /// <param name="timeout">How long to wait; 30 s when null.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="ArgumentException">No run has that id.</exception>
    /// <exception cref="TimeoutException">The run had not ended within the timeout; the message says why it stands still.</exception>
    public async Task<WorkflowRun> WaitForRunAsync(string workflowRunId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowRunId);
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (RunState(workflowRunId) is { } state && state == WorkflowRunState.RunStarted)
        {
            if (deadline.Elapsed >= limit)
            {
                throw new TimeoutException($"Run {workflowRunId} is still {state} after {limit.TotalSeconds:0.#} s: {StandingStill(workflowRunId)}");
            }
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
        if (RunState(workflowRunId) is null)
        {
            throw new ArgumentException($"The emulator keeps no run {workflowRunId}.", nameof(workflowRunId));
        }
        using var client = CreateClient();
        var page = await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = workflowRunId }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return page.Runs.Single();
    }

    /// <summary>Why a run that has not ended stands still, in words: its last step, and its last failed delivery.</summary>
    private string StandingStill(string workflowRunId)
    {
        var last = _state.Read(s => s.FindRun(workflowRunId) is { } run ? run.Logged.LastOrDefault()?.Items.LastOrDefault() : null);
        var failed = Deliveries.LastOrDefault(d => d.WorkflowRunId == workflowRunId);
        var step = last is null ? "no step logged yet" : $"its last step is '{last.StepName}' ({last.State})";
        return failed switch
        {
            null => $"{step}; nothing was delivered to it yet (a delay, a flow-control key, or a clock that does not move).",
            { Failure: { } why } => $"{step}; its last delivery, to {failed.Url}, failed: {why}" + (failed.NextAttempt is { } next ? $"; next try at {next:u}." : "; no retry is left."),
            _ => $"{step}; its last delivery, to {failed.Url}, was answered {failed.Status}: it waits for the endpoint's next message, an event, or its clock.",
        };
    }

    /// <summary>The rows of the run lifecycle this emulator has run (what a test reports as covered).</summary>
    internal IReadOnlyCollection<Transition> Transitions => _engine.Transitions.Ran;

    /// <summary>Requests answered so far.</summary>
    public int RequestCount => _state.Read(s => s.Requests);

    /// <summary>
    /// Stops the emulator promptly, whatever its runs are doing: the server stops taking requests, every timer (delays,
    /// retries, waits) stops, and deliveries in flight are cancelled and recorded as such. Nothing it started outlives it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }
        await _delivery.StopAsync().ConfigureAwait(false);
        _delivery.Dispose();
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
