using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Upstash.Workflow.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Upstash.Workflow.Tests.Contract;

/// <summary>
/// Prism (npm @stoplight/prism-cli, installed into tests/contract by <c>npm ci --prefix tests/contract</c>)
/// mocking the effective spec on 127.0.0.1 with <c>--errors</c>: a request that breaks the spec is
/// answered with an error and an <c>sl-violations</c> header. Started once for the contract tests.
/// </summary>
public sealed class PrismFixture : IAsyncLifetime
{
    private readonly IMessageSink _sink;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _prism;

    public PrismFixture(IMessageSink sink) => _sink = sink;

    public static string Executable => Path.Combine(Repository.Root, "tests", "contract", "node_modules", ".bin", OperatingSystem.IsWindows() ? "prism.cmd" : "prism");

    /// <summary>Why Prism is not running, or null when it is.</summary>
    public string? Unavailable { get; private set; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every answer Prism gave to the client, with the violations it reported.</summary>
    public ConcurrentQueue<PrismExchange> Exchanges { get; } = new();

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
        {
            Unavailable = $"Prism is not installed at {Executable}: run `npm ci --prefix tests/contract` (needs Node.js and npm).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new XunitException(Unavailable + " CI must run the contract tests, not skip them.");
            }
            return;
        }

        var port = FreePort();
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "mock", "--errors", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), Repository.EffectiveSpec })
        {
            start.ArgumentList.Add(argument);
        }
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _prism = new Process { StartInfo = start };
        _prism.OutputDataReceived += (_, e) => Collect(e.Data, listening);
        _prism.ErrorDataReceived += (_, e) => Collect(e.Data, listening);
        _prism.Start();
        _prism.BeginOutputReadLine();
        _prism.BeginErrorReadLine();

        var started = await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(90)), _prism.WaitForExitAsync());
        if (started != listening.Task)
        {
            throw new XunitException($"Prism did not start on {Repository.EffectiveSpec}:\n{string.Join("\n", _output)}");
        }
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Task DisposeAsync()
    {
        if (_prism is { HasExited: false })
        {
            _prism.Kill(entireProcessTree: true);
        }
        _prism?.Dispose();
        if (Unavailable is null)
        {
            var client = Exchanges.Where(e => e.Authenticated).ToList();
            var anonymous = Exchanges.Count(e => !e.Authenticated);
            var answered = string.Join(",", Exchanges.Where(e => !e.Authenticated).Select(e => e.Status).Distinct());
            _sink.OnMessage(new DiagnosticMessage(
                $"Prism contract: {client.Count} requests from the client validated against the effective spec, {client.Count(e => e.Violations is not null)} with violations" +
                (anonymous == 0 ? "." : $"; {anonymous} deliberately unauthenticated, answered {answered}.")));
        }
        return Task.CompletedTask;
    }

    /// <summary>An HTTP handler to put in front of the client's own: records Prism's verdict on each request.</summary>
    public DelegatingHandler Recorder(HttpMessageHandler inner, bool authenticated = true) => new ViolationRecorder(this, authenticated) { InnerHandler = inner };

    private void Collect(string? line, TaskCompletionSource listening)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        if (line.Contains("Prism is listening", StringComparison.Ordinal))
        {
            listening.TrySetResult();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ViolationRecorder(PrismFixture fixture, bool authenticated) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join("\n", values) : null;
            fixture.Exchanges.Enqueue(new PrismExchange($"{request.Method} {request.RequestUri?.AbsolutePath}", (int)response.StatusCode, violations, authenticated));
            return response;
        }
    }
}

/// <summary>One request Prism answered: its status, the violations it found (null when none), and whether the client sent credentials.</summary>
public sealed record PrismExchange(string Request, int Status, string? Violations, bool Authenticated);

[CollectionDefinition(Name)]
public sealed class PrismCollection : ICollectionFixture<PrismFixture>
{
    public const string Name = "Prism";
}
