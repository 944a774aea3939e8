using System.Text.RegularExpressions;
using Upstash.Workflow.Testing.Tests.Support;
using Upstash.Workflow.TestSupport;
using static Upstash.Workflow.Testing.Tests.Support.RawProtocol;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// A local server is reachable from every page its user opens: what a hostile page, a rebound DNS name, or a stranger
/// who knows the port can make the emulator do. Each is refused before anything changes, with a reason.
/// </summary>
public sealed partial class SafeByDefaultTests
{
    [Fact]
    public async Task A_request_from_another_origin_is_refused_and_starts_nothing()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();

        // What a page on any site can send without asking first: a form's POST, the token in its URL.
        var answer = await SendAsync(upstash.BaseAddress, "POST", $"/v2/trigger/http://127.0.0.1:9/wf?qstash_token={Uri.EscapeDataString(upstash.Token)}",
            ["origin: https://attacker.example", "content-type: text/plain"], "{}");

        Assert.Equal(403, Status(answer));
        Assert.Contains("origin 'https://attacker.example'", Error(answer), StringComparison.Ordinal);
        Assert.Empty(upstash.RunIds);
    }

    [Fact]
    public async Task A_request_naming_another_host_is_refused_so_a_rebound_name_reads_nothing()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();

        // DNS rebinding: the page's own name now points at 127.0.0.1, and the browser sends that name as the Host.
        var rebound = await SendAsync(upstash.BaseAddress, "GET", "/v2/keys", [$"host: attacker.example:{upstash.BaseAddress.Port}", $"authorization: Bearer {upstash.Token}"], "");
        var own = await SendAsync(upstash.BaseAddress, "GET", "/v2/keys", [$"host: localhost:{upstash.BaseAddress.Port}", $"authorization: Bearer {upstash.Token}"], "");

        Assert.Equal(403, Status(rebound));
        Assert.DoesNotContain("sig_", rebound, StringComparison.Ordinal);
        Assert.Contains("Host 'attacker.example", Error(rebound), StringComparison.Ordinal);
        Assert.Equal(200, Status(own));
    }

    [Theory]
    [InlineData("content-type: application/x-www-form-urlencoded")]
    [InlineData("content-type: multipart/form-data; boundary=x")]
    [InlineData("sec-fetch-site: cross-site")]
    public async Task A_write_a_web_page_may_send_unasked_is_not_authenticated_by_a_token_in_its_url(string header)
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        var query = $"qstash_token={Uri.EscapeDataString(upstash.Token)}";

        string[] headers = header.StartsWith("content-type:", StringComparison.Ordinal) ? [header] : ["content-type: text/plain", header];

        var write = await SendAsync(upstash.BaseAddress, "POST", $"/v2/trigger/http://127.0.0.1:9/wf?{query}", headers, "{}");

        Assert.Equal(401, Status(write));
        Assert.Contains("Authorization header", Error(write), StringComparison.Ordinal);
        Assert.Empty(upstash.RunIds);
    }

    [Fact]
    public async Task What_a_client_sends_with_a_token_in_its_url_is_taken()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        var query = $"qstash_token={Uri.EscapeDataString(upstash.Token)}";

        var read = await SendAsync(upstash.BaseAddress, "GET", $"/v2/workflows/dlq?{query}", [], "");
        var json = await SendAsync(upstash.BaseAddress, "POST", $"/v2/trigger/http://127.0.0.1:9/wf?{query}", ["content-type: application/json"], "{}");
        var text = await SendAsync(upstash.BaseAddress, "POST", $"/v2/trigger/http://127.0.0.1:9/wf?{query}", ["content-type: text/plain"], "hello");
        var bodiless = await SendAsync(upstash.BaseAddress, "POST", $"/v2/keys/rotate?{query}", [], "");

        Assert.Equal([200, 200, 200, 200], new[] { Status(read), Status(json), Status(text), Status(bodiless) });
        Assert.Equal(2, upstash.RunIds.Count);
    }

    [Fact]
    public async Task A_batch_is_read_only_as_json()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();

        var answer = await SendAsync(upstash.BaseAddress, "POST", "/v2/batch/trigger", [$"authorization: Bearer {upstash.Token}", "content-type: text/plain"],
            """[{"destination":"http://127.0.0.1:9/wf"}]""");

        Assert.Equal(415, Status(answer));
        Assert.Empty(upstash.RunIds);
    }

    [Fact]
    public async Task No_delivery_targets_the_emulator_itself()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var http = Http(upstash);
        var own = new Uri(upstash.BaseAddress, "v2/workflows/runs").AbsoluteUri;
        var ownByName = $"http://localhost:{upstash.BaseAddress.Port}/v2/keys/rotate";

        var trigger = await http.PostAsync("v2/trigger/" + own, new StringContent("{}"), TestContext.Token);
        using var callback = new HttpRequestMessage(HttpMethod.Post, "v2/trigger/http://127.0.0.1:9/wf") { Content = new StringContent("{}") };
        callback.Headers.Add("Upstash-Failure-Callback", ownByName);
        var withCallback = await http.SendAsync(callback, TestContext.Token);
        var published = await http.PostAsync("v2/batch", Batch(own, "wfr_loop", init: true, "{}"), TestContext.Token);

        Assert.Equal(
            [System.Net.HttpStatusCode.BadRequest, System.Net.HttpStatusCode.BadRequest, System.Net.HttpStatusCode.BadRequest],
            new[] { trigger.StatusCode, withCallback.StatusCode, published.StatusCode });
        Assert.Contains("the emulator's own address", await ErrorOf(withCallback), StringComparison.Ordinal);
        Assert.Empty(upstash.RunIds);
    }

    [Fact]
    public async Task Run_ids_are_random_and_differ_from_one_start_to_the_next()
    {
        await using var first = await UpstashWorkflowEmulator.StartAsync();
        await using var second = await UpstashWorkflowEmulator.StartAsync();

        var ids = new[] { first.AddRun("http://127.0.0.1:9/wf"), first.AddRun("http://127.0.0.1:9/wf"), second.AddRun("http://127.0.0.1:9/wf") };

        Assert.All(ids, id => Assert.Matches(RandomRunId(), id));
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_webhook_url_names_the_tokens_user_and_a_run_keeps_a_bounded_number_of_early_events()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { MaxEventsPerRun = 3 });
        var run = upstash.AddRun("http://127.0.0.1:9/wf");
        using var http = new HttpClient { BaseAddress = upstash.BaseAddress };

        var stranger = await http.PostAsync($"v2/workflows/hooks/someone-else/{run}/evt_1", new StringContent("x"), TestContext.Token);
        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((int)(await http.PostAsync($"v2/workflows/hooks/emulator/{run}/evt_{i}", new StringContent("x"), TestContext.Token)).StatusCode);
        }

        Assert.Equal(System.Net.HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal([200, 200, 200, 429, 429], statuses);
    }

    [GeneratedRegex("^wfr_[0-9a-f]{32}$")]
    private static partial Regex RandomRunId();
}
