using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport.Emulator;
using Upstash.Workflow.Testing.Tests.Emulator;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.Testing.Tests.Support;

// In the sample's namespace, as the application's own tests would be: Program is the sample's, not the quick start's.
namespace Upstash.Workflow.Samples.WebApp.Tests;

/// <summary>
/// docs/testing.md's end-to-end test of a failure callback, as written there, on samples/WebApp: the emulator fails
/// a run, and the application's endpoint receives the callback verified and typed; forged ones are refused.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class FailureCallbackAppTests
{
    [Fact]
    public async Task A_failed_run_reaches_the_apps_failure_callback_and_a_forged_one_does_not()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        await using var app = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(web => web.ConfigureTestServices(services => services.UseUpstashWorkflowEmulator(upstash)));
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));   // a free port on 127.0.0.1, for the emulator to call
        app.StartServer();
        using var http = app.CreateClient();
        using var client = upstash.CreateClient();
        var alerts = app.Services.GetRequiredService<FailureAlerts>();

        var run = await client.Runs.TriggerWorkflowAsync(new Uri("https://shop.example/api/nightly"),
            options: new TriggerWorkflowOptions { FailureCallback = new Uri(http.BaseAddress!, "api/failed") });
        var dlqId = await upstash.FailRunAsync(run.WorkflowRunId, responseStatus: 503);

        Assert.Equal([$"{run.WorkflowRunId} failed with 503"], alerts.Raised);
        Assert.Equal(FailureFunctionState.CallbackSuccess, (await client.Dlq.GetFailedRunAsync(dlqId)).FailureFunctionState);

        var unsigned = await http.PostAsJsonAsync("api/failed", new { workflowRunId = "wfr_forged", status = 500 });
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Single(alerts.Raised);
    }

    [Fact]
    public void Docs_testing_shows_this_test_as_it_runs()
    {
        var docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "testing.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = docs.IndexOf("```csharp\n[Fact]\npublic async Task A_failed_run_reaches_the_apps_failure_callback", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/testing.md has no block with this test");
        var block = docs[(start + 10)..docs.IndexOf("\n```", start + 10, StringComparison.Ordinal)];
        var test = File.ReadAllText(Repository.Tests("Upstash.Workflow.Testing.Tests", "Emulator", "FailureCallbackAppTests.cs")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var method = test[test.IndexOf("    [Fact]\n    public async Task A_failed_run", StringComparison.Ordinal)..test.IndexOf("    [Fact]\n    public void Docs_testing", StringComparison.Ordinal)];

        Assert.Equal(Lines(method), Lines(block));

        static IEnumerable<string> Lines(string code) => code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
    }

    [Fact]
    public async Task Two_apps_on_kestrel_by_the_docs_recipe_run_side_by_side_on_free_loopback_ports()
    {
        // UseKestrel(0) binds localhost:5000, where a second app (or anything else on the machine) collides.
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        await using var first = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(web => web.ConfigureTestServices(services => services.UseUpstashWorkflowEmulator(upstash)));
        await using var second = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(web => web.ConfigureTestServices(services => services.UseUpstashWorkflowEmulator(upstash)));
        foreach (var app in new[] { first, second })
        {
            app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            app.StartServer();
        }
        using var a = first.CreateClient();
        using var b = second.CreateClient();

        Assert.Equal(("127.0.0.1", "127.0.0.1"), (a.BaseAddress!.Host, b.BaseAddress!.Host));
        Assert.NotEqual(a.BaseAddress.Port, b.BaseAddress.Port);
        Assert.DoesNotContain(5000, new[] { a.BaseAddress.Port, b.BaseAddress.Port });
    }
}
