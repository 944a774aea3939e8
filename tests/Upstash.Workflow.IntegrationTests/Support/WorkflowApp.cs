using Upstash.Workflow.TestSupport;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Xunit.Sdk;

namespace Upstash.Workflow.IntegrationTests.Support;

/// <summary>
/// tests/engine/app.mjs: workflows served by the official <c>@upstash/workflow</c> SDK, on 127.0.0.1. Each step counts
/// its own executions (<see cref="CountsAsync"/>): a step the SDK replayed from the history is not counted.
/// </summary>
public sealed class WorkflowApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;
    private readonly HttpClient _http;

    private WorkflowApp(Process process, Uri baseAddress, StringBuilder log)
    {
        _log = log;
        _process = process;
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>What the app printed (its SDK's warnings included), for a failure's message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static string Folder => Path.Combine(Repository.Root, "tests", "engine");

    /// <summary>Why the app cannot run here (null when it can). In CI a missing install fails instead.</summary>
    public static string? Unavailable() =>
        new NodeTool("engine", Path.Combine("@upstash", "workflow", "package.json")).Unavailable();

    /// <summary>The workflow served at <c>/wf/{name}</c> (or <c>/many/{name}</c> for the invoking pair).</summary>
    public Uri Workflow(string name) => new(BaseAddress, name is "parent" or "child" ? $"many/{name}" : $"wf/{name}");

    /// <summary>
    /// Starts the app with exactly <paramref name="environment"/> beside PATH and HOME: the variables the SDK reads
    /// (<c>QSTASH_URL</c>, <c>QSTASH_TOKEN</c>, the signing keys, or <c>QSTASH_DEV</c>).
    /// </summary>
    public static async Task<WorkflowApp> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("app.mjs");
        foreach (var name in start.Environment.Keys.Where(k => k is not ("PATH" or "HOME")).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["PORT"] = "0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        var log = new StringBuilder();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (log)
            {
                log.AppendLine(line);
            }
            if (line.StartsWith("listening on ", StringComparison.Ordinal))
            {
                listening.TrySetResult(int.Parse(line["listening on ".Length..], System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(30))) != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new XunitException($"tests/engine/app.mjs did not start:\n{log}");
        }
        var app = new WorkflowApp(process, new Uri($"http://127.0.0.1:{listening.Task.Result}/"), log);
        return app;
    }

    /// <summary>Starts the app pointed at an emulator, with its token and signing keys (so every delivery is verified by the SDK).</summary>
    public static Task<WorkflowApp> StartAsync(Upstash.Workflow.Testing.UpstashWorkflowEmulator emulator, bool verifySignatures = true)
    {
        // Without the signing keys the SDK does not verify what it receives.
        var environment = emulator.EnvironmentVariables.Where(v => verifySignatures || !v.Key.Contains("SIGNING_KEY", StringComparison.Ordinal))
            .ToDictionary(v => v.Key, v => v.Value);
        return StartAsync(environment);
    }

    /// <summary>How often each step ran (<c>steps:first</c>), and each workflow was called (<c>calls:/wf/steps</c>).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync() =>
        (await _http.GetFromJsonAsync<Dictionary<string, int>>("counts"))!;

    public async Task<int> CountAsync(string key) => (await CountsAsync()).GetValueOrDefault(key);

    /// <summary>What the flaky workflow's failure function received, one entry per call.</summary>
    public async Task<List<Dictionary<string, System.Text.Json.JsonElement>>> FailuresAsync() =>
        (await _http.GetFromJsonAsync<List<Dictionary<string, System.Text.Json.JsonElement>>>("failures"))!;

    /// <summary>The webhook URLs the webhook workflow handed out, in order.</summary>
    public async Task<List<string>> HooksAsync() => (await _http.GetFromJsonAsync<List<string>>("hooks"))!;

    /// <summary>Makes the flaky workflow's fragile step succeed from now on.</summary>
    public Task FixFlakyAsync() => _http.PostAsync("flaky/fix", null);

    /// <summary>Counts and failures back to nothing, the flaky step broken again.</summary>
    public Task ResetAsync() => _http.PostAsync("reset", null);

    /// <summary>Calls the official TypeScript <c>Client</c> inside the app: <c>trigger</c> or <c>cancel</c>.</summary>
    public async Task<string> OfficialClientAsync(string action, string query, string body = "{}")
    {
        using var answer = await _http.PostAsync($"client/{action}?{query}", new StringContent(body));
        var text = await answer.Content.ReadAsStringAsync();
        return answer.IsSuccessStatusCode ? text : throw new XunitException($"client/{action} answered {(int)answer.StatusCode}: {text}");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
