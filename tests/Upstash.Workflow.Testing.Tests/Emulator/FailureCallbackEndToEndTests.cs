using Upstash.Workflow.TestSupport.Emulator;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.Testing.Tests.Support;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// The whole way, with no account: the emulator fails a run whose failure callback is an ASP.NET Core endpoint
/// protected by Upstash.Workflow.AspNetCore, configured with the keys the emulator shows.
/// </summary>
public sealed class FailureCallbackEndToEndTests
{
    [Fact]
    public async Task The_handler_gets_the_typed_callback_forgeries_are_refused_and_keys_rotate_as_the_services_do()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        var (current, next) = upstash.SigningKeys;
        var received = new ConcurrentQueue<WorkflowFailureCallback>();

        var (app, address) = await LoopbackApp.StartAsync(
            builder => builder.Services.AddUpstashSignatureVerification(configure: o => (o.CurrentSigningKey, o.NextSigningKey) = (current, next)),
            web => web.MapUpstashFailureCallback("/api/failed", (callback, _) =>
            {
                received.Enqueue(callback);
                return Task.CompletedTask;
            }));
        await using var _ = app;
        var endpoint = new Uri(address, "api/failed");

        using var client = upstash.CreateClient();
        async Task<(string DlqId, FailureFunctionState? State)> FailOneAsync(int status)
        {
            var run = await client.Runs.TriggerWorkflowAsync(new Uri("https://shop.example/api/workflow"), WorkflowPayload.Json(new { orderId = status }),
                // No retries: a callback that fails is failed at once (else it would be retried, after 12 s, as a step is).
                new TriggerWorkflowOptions { FailureCallback = endpoint, Retries = 0 }, TestContext.Token);
            var dlqId = await upstash.FailRunAsync(run.WorkflowRunId, status);
            return (dlqId, (await client.Dlq.GetFailedRunAsync(dlqId, TestContext.Token)).FailureFunctionState);
        }

        // 1. A run fails: the handler gets its callback, typed.
        var (first, firstState) = await FailOneAsync(500);
        var callback = Assert.Single(received);
        Assert.Equal((first, 500, """{"orderId":500}"""), (callback.DlqId, callback.Status, Encoding.UTF8.GetString(callback.SourceBody!)));
        Assert.Equal(FailureFunctionState.CallbackSuccess, firstState);

        // 2. Anyone else posting to the endpoint is refused, and the handler never runs.
        using var http = new HttpClient();
        var forged = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent("""{ "status": 500, "dlqId": "fake" }""", Encoding.UTF8, "application/json") };
        forged.Headers.Add("Upstash-Signature", UpstashSignatureVerifier.Sign("sig_guessed", Encoding.UTF8.GetBytes("""{ "status": 500, "dlqId": "fake" }"""), endpoint));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(forged, TestContext.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync(endpoint, new StringContent("{}"), TestContext.Token)).StatusCode);
        Assert.Single(received);

        // 3. One rotation: the emulator signs with the old next key, which the endpoint still holds.
        await client.SigningKeys.RotateSigningKeysAsync(TestContext.Token);
        var (_, afterOne) = await FailOneAsync(502);
        Assert.Equal(FailureFunctionState.CallbackSuccess, afterOne);
        Assert.Equal(2, received.Count);

        // 4. A second rotation: the endpoint's keys are both old now, and the emulator's signature is refused.
        await client.SigningKeys.RotateSigningKeysAsync(TestContext.Token);
        var (_, afterTwo) = await FailOneAsync(503);
        Assert.Equal(FailureFunctionState.CallbackFail, afterTwo);
        Assert.Equal(2, received.Count);
        Assert.Equal([200, 200, 403], upstash.Deliveries.Select(d => d.Status));
        // And a signature made with the key that was current at the start no longer verifies against the account's keys.
        var (now, nowNext) = upstash.SigningKeys;
        var old = UpstashSignatureVerifier.Sign(current, "{}"u8, endpoint);
        Assert.Equal(UpstashSignatureFailure.InvalidSignature, Assert.Throws<UpstashSignatureException>(() => new UpstashSignatureVerifier(now, nowNext).Verify(old, "{}"u8)).Reason);
    }
}
