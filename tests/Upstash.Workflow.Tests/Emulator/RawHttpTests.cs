using System.Net.Sockets;
using System.Text;
using Upstash.Workflow.Testing;

namespace Upstash.Workflow.Tests.Emulator;

/// <summary>
/// The emulator spoken to as another client of the service would: raw HTTP/1.1 over a socket, header names
/// in lower case (as Node's fetch sends them), in the request and inside a batch item's header map.
/// </summary>
public sealed class RawHttpTests
{
    [Fact]
    public async Task Lower_case_header_names_take_effect_in_a_trigger_and_in_a_batch()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();

        var single = await SendAsync(emulator, "POST", "/v2/trigger/" + Uri.EscapeDataString("https://example.com/api/import"),
            ["upstash-workflow-runid: wfr_raw-single", "upstash-label: raw,lower", "upstash-flow-control-key: lane-a"], "");
        var batch = await SendAsync(emulator, "POST", "/v2/batch/trigger", ["content-type: application/json"],
            """[{"destination":"https://example.com/api/import","headers":{"upstash-workflow-runid":"wfr_my-run-1","upstash-label":"nightly,eu","upstash-flow-control-key":"billing"}}]""");

        Assert.StartsWith("HTTP/1.1 200", single, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 201", batch, StringComparison.Ordinal);
        Assert.Contains("\"wfr_my-run-1\"", batch, StringComparison.Ordinal);
        Assert.Equal(["raw", "lower"], emulator.RunLabels("wfr_raw-single"));
        Assert.Equal(["nightly", "eu"], emulator.RunLabels("wfr_my-run-1"));
        using var client = emulator.CreateClient();
        var logs = await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = "wfr_my-run-1" });
        Assert.Equal("billing", Assert.Single(logs.Runs).FlowControlKey);
        logs = await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = "wfr_raw-single" });
        Assert.Equal("lane-a", Assert.Single(logs.Runs).FlowControlKey);
    }

    /// <summary>One request on a new connection, written byte for byte; the whole answer as text.</summary>
    private static async Task<string> SendAsync(UpstashWorkflowEmulator emulator, string method, string target, string[] headers, string body)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(emulator.BaseAddress.Host, emulator.BaseAddress.Port);
        var stream = socket.GetStream();
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new StringBuilder()
            .Append($"{method} {target} HTTP/1.1\r\n")
            .Append($"host: {emulator.BaseAddress.Authority}\r\n")
            .Append($"authorization: Bearer {emulator.Token}\r\n")
            .Append(string.Concat(headers.Select(h => h + "\r\n")))
            .Append($"content-length: {bytes.Length}\r\n")
            .Append("connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()));
        await stream.WriteAsync(bytes);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
