using System.Text;
using System.Text.Json;

namespace Upstash.Workflow.Tests.Receiving;

/// <summary>The failure callback's model, generated from the overlay's schema, reads what Upstash sends as its docs show it.</summary>
public sealed class FailureCallbackModelTests
{
    [Fact]
    public void Quoted_numbers_and_times_base64_bodies_and_unknown_fields_are_read()
    {
        const string Sent = """
            { "status": "500", "header": { "Content-Type": ["text/plain"] }, "body": "Ym9vbQ==", "retried": "3", "maxRetries": 3,
              "dlqId": "1725323658779-0", "sourceMessageId": "msg_1", "url": "https://shop.example/api/workflow", "method": "POST",
              "sourceHeader": { "Upstash-Workflow-Runid": ["wfr_1"] }, "sourceBody": "eyJvcmRlcklkIjo0Mn0=",
              "notBefore": "1725323658779", "createdAt": 1725323658779, "callerIP": "203.0.113.7",
              "workflowRunId": "wfr_1", "workflowCreatedAt": "1725323600000", "addedLater": { "x": 1 } }
            """;

        var callback = JsonSerializer.Deserialize(Sent, UpstashWorkflowJsonContext.Default.WorkflowFailureCallback)!;

        Assert.Equal((500, 3, 3), (callback.Status, callback.Retried, callback.MaxRetries));
        Assert.Equal("boom", Encoding.UTF8.GetString(callback.Body!));
        Assert.Equal("""{"orderId":42}""", Encoding.UTF8.GetString(callback.SourceBody!));
        Assert.Equal(["text/plain"], callback.Header["Content-Type"]);
        Assert.Equal(["wfr_1"], callback.SourceHeader["Upstash-Workflow-Runid"]);
        Assert.Equal(new Uri("https://shop.example/api/workflow"), callback.Url);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1725323658779), callback.NotBefore);
        Assert.Equal(callback.NotBefore, callback.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1725323600000), callback.WorkflowCreatedAt);
        Assert.Equal(("1725323658779-0", "wfr_1", "203.0.113.7"), (callback.DlqId, callback.WorkflowRunId, callback.CallerIP));
    }

    [Fact]
    public void A_quoted_value_that_is_no_number_is_still_refused_with_what_it_was()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{ "status": "five hundred" }""", UpstashWorkflowJsonContext.Default.WorkflowFailureCallback));
        Assert.Contains("\"five hundred\"", error.Message, StringComparison.Ordinal);
    }
}
