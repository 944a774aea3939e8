using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Upstash.Workflow;
using Upstash.Workflow.NativeAot;

// Three calls of the client, compiled ahead of time, against a stand-in for the API on 127.0.0.1 that
// plays one recorded answer per path. Typed options, a filter, and a JSON payload written through a
// source-generated JsonTypeInfo: nothing here needs reflection.
using var api = new StandIn();
using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = api.BaseAddress, Token = "native-aot-demo" });

var page = await client.Dlq.ListFailedRunsAsync(filter: new FailedRunFilter { Labels = ["nightly"], FromDate = DateTimeOffset.UnixEpoch });
Console.WriteLine($"listed {page.Messages.Count} failed run(s): {page.Messages[0].DlqId}, created {page.Messages[0].CreatedAt:O}");

var restarted = await client.Dlq.RestartWorkflowAsync(page.Messages[0].DlqId, new RestartWorkflowOptions { Delay = TimeSpan.FromMinutes(1), Labels = ["retried"] });
Console.WriteLine($"restarted as {restarted.WorkflowRunId} (sent {api.Seen("Upstash-Delay")} delay, label {api.Seen("Upstash-Label")})");

var order = new Order(42, "EUR");
var triggered = await client.Runs.TriggerWorkflowAsync(new Uri("https://shop.example/api/orders"), WorkflowPayload.Json(order, DemoJson.Default.Order));
Console.WriteLine($"triggered {triggered.WorkflowRunId} with body {api.Seen("body")}");

namespace Upstash.Workflow.NativeAot
{
    internal sealed record Order(int OrderId, string Currency);

    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(Order))]
    internal sealed partial class DemoJson : JsonSerializerContext;

    /// <summary>An HTTP server on a free port of 127.0.0.1 that answers each path with a fixed JSON body and remembers what it got.</summary>
    internal sealed class StandIn : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Dictionary<string, string> _seen = new(StringComparer.OrdinalIgnoreCase);

        public StandIn()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            BaseAddress = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(BaseAddress.AbsoluteUri);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public Uri BaseAddress { get; }

        public string Seen(string what)
        {
            lock (_seen)
            {
                return _seen.GetValueOrDefault(what, "nothing");
            }
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                lock (_seen)
                {
                    foreach (var name in context.Request.Headers.AllKeys)
                    {
                        _seen[name!] = context.Request.Headers[name] ?? "";
                    }
                    _seen["body"] = body;
                }
                var path = context.Request.Url!.AbsolutePath;
                var answer = path.StartsWith("/v2/workflows/dlq/restart/", StringComparison.Ordinal) || path.StartsWith("/v2/trigger/", StringComparison.Ordinal)
                    ? """{ "workflowRunId": "wfr_native", "workflowCreatedAt": 1725323658779 }"""
                    : """{ "messages": [ { "dlqId": "1725323658779-0", "workflowUrl": "https://shop.example/api/nightly", "workflowRunId": "wfr_1", "workflowCreatedAt": 1725323600000, "createdAt": 1725323658779 } ] }""";
                var bytes = Encoding.UTF8.GetBytes(answer);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
