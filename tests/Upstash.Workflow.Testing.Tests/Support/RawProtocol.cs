using System.Net.Sockets;
using System.Text;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Testing.Tests.Support;

/// <summary>
/// The emulator spoken to as an SDK or a stranger speaks to it, below the generated client: authenticated HTTP, the
/// workflow protocol's batch messages, an endpoint that answers as an SDK does, and requests written byte for byte.
/// </summary>
internal static class RawProtocol
{
    /// <summary>An HTTP client of the emulator with its token as a bearer header.</summary>
    public static HttpClient Http(UpstashWorkflowEmulator upstash)
    {
        var http = new HttpClient { BaseAddress = upstash.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", upstash.Token);
        return http;
    }

    /// <summary>A trigger of a workflow at a closed port (nothing is delivered) with <paramref name="headers"/> as sent, unchecked.</summary>
    public static async Task<HttpResponseMessage> TriggerWith(UpstashWorkflowEmulator upstash, params (string Name, string Value)[] headers)
    {
        using var http = Http(upstash);
        using var trigger = new HttpRequestMessage(HttpMethod.Post, "v2/trigger/http://127.0.0.1:9/wf") { Content = new StringContent("{}") };
        foreach (var (name, value) in headers)
        {
            trigger.Headers.TryAddWithoutValidation(name, value);
        }
        return await http.SendAsync(trigger, TestContext.Token);
    }

    /// <summary>One workflow message as the SDK batches it: lower-case header names, the body a string.</summary>
    public static StringContent Batch(string url, string runId, bool init, string body, params (string Name, string Value)[] more)
    {
        var headers = new Dictionary<string, string>
        {
            ["upstash-workflow-runid"] = runId,
            ["upstash-workflow-init"] = init ? "true" : "false",
            ["upstash-workflow-url"] = url,
            ["upstash-workflow-sdk-version"] = "1",
            ["upstash-feature-set"] = "LazyFetch,InitialBody,WF_DetectTrigger,WF_TriggerOnConfig",
        };
        foreach (var (name, value) in more)
        {
            headers[name] = value;
        }
        return new(System.Text.Json.JsonSerializer.Serialize(new[] { new { destination = url, headers, body } }), Encoding.UTF8, "application/json");
    }

    /// <summary>A result step as the SDK publishes it.</summary>
    public static string Step(int id, string output) => $$"""{"stepId":{{id}},"stepName":"step {{id}}","stepType":"Run","out":{{System.Text.Json.JsonSerializer.Serialize(output)}},"concurrent":1}""";

    /// <summary>
    /// An endpoint that answers as a workflow SDK does (the protocol's header on its answers), recording each delivery.
    /// The unknown-SDK delivery of a /v2/trigger run, which an SDK answers only once it has triggered the run itself,
    /// it answers as no SDK: the run waits, for a test to trigger it as the SDK would (or not).
    /// </summary>
    public static Task<RecordingServer> SdkEndpointAsync() => RecordingServer.StartAsync(context =>
    {
        if (!context.Request.Headers.ContainsKey("Upstash-Workflow-Unknown-Sdk"))
        {
            context.Response.Headers["Upstash-Workflow-Sdk-Version"] = "1";
        }
        return Task.CompletedTask;
    });

    /// <summary>One request on a new connection, written byte for byte (its Host, its headers as given); the whole answer as text.</summary>
    public static async Task<string> SendAsync(Uri server, string method, string target, string[] headers, string body)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.Host, server.Port);
        var stream = socket.GetStream();
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new StringBuilder()
            .Append($"{method} {target} HTTP/1.1\r\n")
            .Append(headers.Any(h => h.StartsWith("host:", StringComparison.OrdinalIgnoreCase)) ? "" : $"host: {server.Authority}\r\n")
            .Append(string.Concat(headers.Select(h => h + "\r\n")))
            .Append($"content-length: {bytes.Length}\r\n")
            .Append("connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()));
        await stream.WriteAsync(bytes);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    /// <summary>The status of an answer <see cref="SendAsync"/> read.</summary>
    public static int Status(string answer) => int.Parse(answer.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The <c>error</c> of an answer's JSON body.</summary>
    public static async Task<string> ErrorOf(HttpResponseMessage answer) =>
        System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync(TestContext.Token)).RootElement.GetProperty("error").GetString()!;

    /// <summary>The <c>error</c> of an answer <see cref="SendAsync"/> read.</summary>
    public static string Error(string answer) =>
        System.Text.Json.JsonDocument.Parse(answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]).RootElement.GetProperty("error").GetString()!;
}
