using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.IntegrationTests.Emulator;

/// <summary>
/// Time skipping with a real worker: the engine on a fake clock, while the signatures of its deliveries carry the real
/// time, so the official receiver in another process (checking them against its own clock) takes them.
/// </summary>
public sealed class SignatureClockTests
{
    [SkippableFact]
    public async Task Deliveries_from_a_skipped_clock_are_taken_by_the_official_receiver_once_signed_by_the_real_one()
    {
        var unavailable = OfficialReceiver.Node.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        var skipped = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(3));

        var onFakeClock = await SignedDeliveryAsync(new UpstashWorkflowEmulatorOptions { TimeProvider = skipped });
        var onRealClock = await SignedDeliveryAsync(new UpstashWorkflowEmulatorOptions { TimeProvider = skipped, SignatureTimeProvider = TimeProvider.System });

        var verdicts = await OfficialReceiverAsync(("fake", onFakeClock), ("real", onRealClock));
        Assert.False(verdicts["fake"].Ok, "a signature dated three days ahead was taken");
        Assert.True(verdicts["real"].Ok, verdicts["real"].Error);
    }

    /// <summary>One plain message delivered to a recording endpoint: its signature, body, URL and the keys that signed it.</summary>
    private static async Task<(string Token, byte[] Body, Uri Url, string Current, string Next)> SignedDeliveryAsync(UpstashWorkflowEmulatorOptions options)
    {
        await using var endpoint = await RecordingServer.StartAsync(RecordingServer.Json(200, "{}"));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(options);
        using var http = new HttpClient { BaseAddress = upstash.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", upstash.Token);
        var url = new Uri(endpoint.BaseAddress, "hook");
        (await http.PostAsync($"v2/publish/{url}", new StringContent("hello"), TestContext.Token)).EnsureSuccessStatusCode();
        await upstash.DeliveriesCompletedAsync();
        var delivery = Assert.Single(upstash.Deliveries);
        return (delivery.Headers["Upstash-Signature"], delivery.Body, url, upstash.SigningKeys.Current, upstash.SigningKeys.Next);
    }

    private static async Task<Dictionary<string, (bool Ok, string? Error)>> OfficialReceiverAsync(params (string Name, (string Token, byte[] Body, Uri Url, string Current, string Next) Delivery)[] cases)
    {
        var verdicts = new Dictionary<string, (bool, string?)>();
        using var dir = new TempDirectory();
        foreach (var (name, d) in cases)
        {
            var input = dir.File($"{name}.json");
            await File.WriteAllTextAsync(input, new JsonObject
            {
                ["keys"] = new JsonObject { ["current"] = d.Current, ["next"] = d.Next },
                ["cases"] = new JsonArray(new JsonObject { ["name"] = name, ["token"] = d.Token, ["body"] = Convert.ToBase64String(d.Body), ["url"] = d.Url.AbsoluteUri }),
                ["joseTokens"] = new JsonArray(),
            }.ToJsonString(), TestContext.Token);
            var (exit, output) = await OfficialReceiver.CrossCheckAsync(input);
            Assert.True(exit == 0, output);
            var verdict = JsonNode.Parse(output)!["verdicts"]![0]!;
            verdicts[name] = ((bool)verdict["ok"]!, (string?)verdict["error"]);
        }
        return verdicts;
    }
}
