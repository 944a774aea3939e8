using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Upstash.Workflow.Benchmarks;

/// <summary>The answers every client gets, built once: realistic sizes, as the service sends them.</summary>
internal static class Canned
{
    public const string Token = "eyJVc2VySUQiOiJiZW5jaG1hcmsiLCJQYXNzd29yZCI6InNlY3JldCJ9";
    public const string DlqId = "1725323658779-0";
    public static readonly Uri BaseAddress = new("https://qstash.upstash.io/");
    public static readonly Uri WorkflowUrl = new("https://shop.example/api/workflows/orders");

    public static readonly byte[] NewRun = Encoding.UTF8.GetBytes("""{"workflowRunId":"wfr_2f9c1c3e-9a43-4c47-8f3c-1f3d52b6a0c1","workflowCreatedAt":1725323658779}""");

    /// <summary>A full DLQ page: 100 entries with request and response headers, bodies and labels (about 90 KB).</summary>
    public static readonly byte[] DlqPage = Encoding.UTF8.GetBytes(BuildDlqPage(100));

    /// <summary>A logs page: 20 runs of 6 steps each, with their calls' headers and bodies.</summary>
    public static readonly byte[] LogsPage = Encoding.UTF8.GetBytes(BuildLogsPage(20));

    public static string BuildDlqPage(int entries)
    {
        var text = new StringBuilder("""{"cursor":"1725323700000-0","messages":[""");
        for (var i = 0; i < entries; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            text.Append($$"""
                {"dlqId":"17253236{{i:D5}}-0","workflowUrl":"https://shop.example/api/workflows/nightly-invoices","workflowRunId":"wfr_{{i:D8}}-6a1f-4c1e-9d7b-3c2e8f4a5b6d",
                "workflowCreatedAt":1725323600000,"url":"https://shop.example/api/workflows/nightly-invoices","method":"POST",
                "header":{"Content-Type":["application/json"],"Upstash-Workflow-Runid":["wfr_{{i:D8}}"],"Upstash-Workflow-Init":["false"],"Upstash-Retries":["3"],"User-Agent":["Upstash-Workflow/1.0"]},
                "body":"{\"orderId\":{{i}},\"customer\":\"c-{{i:D6}}\",\"lines\":[{\"sku\":\"A-100\",\"qty\":2},{\"sku\":\"B-200\",\"qty\":1}]}",
                "maxRetries":3,"createdAt":1725323658779,"failureCallback":"https://shop.example/api/failures","callerIP":"203.0.113.{{i % 250}}",
                "labels":["nightly","billing"],"flowControlKey":"billing","failureFunctionState":"CALLBACK_SUCCESS","responseStatus":500,
                "responseHeader":{"Content-Type":["text/plain"],"Date":["Tue, 03 Sep 2024 00:34:18 GMT"]},"responseBody":"invoice template missing for customer c-{{i:D6}}"}
                """);
        }
        return text.Append("]}").ToString();
    }

    private static string BuildLogsPage(int runs)
    {
        var text = new StringBuilder("""{"cursor":"1725323700000","runs":[""");
        for (var r = 0; r < runs; r++)
        {
            if (r > 0)
            {
                text.Append(',');
            }
            text.Append($$"""{"workflowRunId":"wfr_{{r:D8}}","workflowUrl":"https://shop.example/api/workflows/orders","workflowState":"RUN_SUCCESS","workflowRunCreatedAt":1725323600000,"workflowRunCompletedAt":1725323658779,"workflowRunCallerIp":"203.0.113.7","labels":["orders"],"flowControlKey":"billing","workflowRunResponse":"done","steps":[""");
            for (var s = 0; s < 6; s++)
            {
                if (s > 0)
                {
                    text.Append(',');
                }
                text.Append($$"""{"type":"sequential","steps":[{"stepId":{{s}},"stepName":"step-{{s}}","stepType":"Run","callType":"step","messageId":"msg_{{r}}_{{s}}","state":"STEP_SUCCESS","createdAt":1725323600{{s:D3}},"out":"{\"ok\":true,\"n\":{{s}}}","callUrl":"https://api.example/charge","callMethod":"POST","callHeaders":{"Content-Type":["application/json"]},"callResponseStatus":200,"callResponseHeaders":{"Content-Type":["application/json"]},"retries":0}]}""");
            }
            text.Append("]}");
        }
        return text.Append("]}").ToString();
    }
}

/// <summary>
/// The transport under every client: it reads the request body as a socket would (so writing it is
/// counted), then answers at once with the canned bytes. What remains measured is each client's own work.
/// </summary>
internal sealed class CannedHandler(byte[] body, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }
        var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new ByteArrayContent(body) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return response;
    }
}
