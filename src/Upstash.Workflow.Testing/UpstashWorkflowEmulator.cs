using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Upstash.Workflow.Testing;

/// <summary>
/// The Upstash Workflow management API in memory, on 127.0.0.1 at a random port: the DLQ, runs, logs,
/// notify and waiters, flow control and signing keys, with the API's authentication and error bodies.
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

    private UpstashWorkflowEmulator(WebApplication app, EmulatorState state, string token)
    {
        _app = app;
        _state = state;
        Token = token;
    }

    /// <summary>Where the emulator listens, with a trailing slash.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The one token the emulator accepts (bearer or <c>qstash_token</c>).</summary>
    public string Token { get; }

    /// <summary>Starts an emulator; <paramref name="token"/> defaults to a random one.</summary>
    public static async Task<UpstashWorkflowEmulator> StartAsync(string? token = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        token ??= "emulator_" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var state = new EmulatorState(time ?? TimeProvider.System);
        var emulator = new UpstashWorkflowEmulator(app, state, token);
        var api = new EmulatorApi(state, token);
        app.Run(api.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        emulator.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return emulator;
    }

    /// <summary>Options for a client of this emulator (base address and token set).</summary>
    public UpstashWorkflowClientOptions ClientOptions() => new() { BaseAddress = BaseAddress, Token = Token };

    /// <summary>A client of this emulator.</summary>
    public UpstashWorkflowClient CreateClient() => new(ClientOptions());

    /// <summary>Puts a failed run in the DLQ and returns its DLQ id.</summary>
    public string AddFailedRun(string workflowUrl, IEnumerable<string>? labels = null, string? flowControlKey = null, string? body = null,
        int responseStatus = 500, string? responseBody = "step failed", string? failureCallback = null, string? failureFunctionState = null) =>
        _state.AddFailedRun(workflowUrl, labels?.ToArray() ?? [], flowControlKey, body, responseStatus, responseBody, failureCallback, failureFunctionState);

    /// <summary>Starts a run (as a trigger would) and returns its id.</summary>
    public string AddRun(string workflowUrl, IEnumerable<string>? labels = null, string? flowControlKey = null) =>
        _state.Trigger(workflowUrl, null, labels?.ToArray() ?? [], flowControlKey).WorkflowRunId;

    /// <summary>Makes <paramref name="workflowRunId"/> wait for <paramref name="eventId"/>.</summary>
    public void AddWaiter(string eventId, string workflowRunId, TimeSpan? timeout = null) => _state.AddWaiter(eventId, workflowRunId, timeout ?? TimeSpan.FromHours(1));

    /// <summary>The DLQ ids now in the DLQ, oldest first.</summary>
    public IReadOnlyList<string> FailedRunIds => _state.Read(s => s.Dlq.Select(e => e.DlqId).ToList());

    /// <summary>The ids of every run the emulator knows, oldest first.</summary>
    public IReadOnlyList<string> RunIds => _state.Read(s => s.Runs.Select(r => r.WorkflowRunId).ToList());

    /// <summary>The state of a run ("RUN_STARTED", "RUN_CANCELED", …), or null when there is no such run.</summary>
    public string? RunState(string workflowRunId) => _state.Read(s => s.Runs.FirstOrDefault(r => r.WorkflowRunId == workflowRunId)?.WorkflowState);

    /// <summary>The labels of a run.</summary>
    public IReadOnlyList<string> RunLabels(string workflowRunId) => _state.Read(s => s.Runs.First(r => r.WorkflowRunId == workflowRunId).Labels.ToList());

    /// <summary>Requests answered so far.</summary>
    public int RequestCount => _state.Read(s => s.Requests);

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
