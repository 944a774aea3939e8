using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;
using Xunit.Sdk;

namespace Upstash.Workflow.IntegrationTests.Support;

/// <summary>
/// Prism (npm @stoplight/prism-cli, installed into tests/contract by <c>npm ci --prefix tests/contract</c>)
/// running with <c>--errors</c> on the effective spec at 127.0.0.1: as a mock server, or as a proxy in
/// front of a real one. Either way a request or answer that breaks the spec comes back with an
/// <c>sl-violations</c> header.
/// </summary>
public sealed class PrismProcess : IDisposable
{
    private readonly Process _process;

    private PrismProcess(Process process, Uri baseAddress) => (_process, BaseAddress) = (process, baseAddress);

    /// <summary>Prism's command from tests/contract/node_modules, installed by npm ci there.</summary>
    private static readonly NodeTool Tool = new("contract", System.IO.Path.Combine(".bin", OperatingSystem.IsWindows() ? "prism.cmd" : "prism"));

    public static string Executable => Tool.Path;

    public Uri BaseAddress { get; }

    /// <summary>Why Prism cannot run here (null when it can). In CI a missing Prism fails instead.</summary>
    public static string? Unavailable() => Tool.Unavailable();

    /// <summary>Starts <c>prism mock</c> on the effective spec.</summary>
    public static Task<PrismProcess> MockAsync() => StartAsync(port => ["mock", "--errors", "-h", "127.0.0.1", "-p", port, Repository.EffectiveSpec]);

    /// <summary>Starts <c>prism proxy</c> on the effective spec in front of <paramref name="upstream"/>.</summary>
    public static Task<PrismProcess> ProxyAsync(Uri upstream) =>
        StartAsync(port => ["proxy", "--errors", "-h", "127.0.0.1", "-p", port, Repository.EffectiveSpec, upstream.AbsoluteUri.TrimEnd('/')]);

    private static async Task<PrismProcess> StartAsync(Func<string, string[]> arguments)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments(port.ToString(CultureInfo.InvariantCulture)))
        {
            start.ArgumentList.Add(argument);
        }
        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }
            output.Enqueue(line);
            if (line.Contains("Prism is listening", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(90)), process.WaitForExitAsync()) != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new XunitException($"Prism did not start ({string.Join(' ', start.ArgumentList)}):\n{string.Join("\n", output)}");
        }
        return new PrismProcess(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
