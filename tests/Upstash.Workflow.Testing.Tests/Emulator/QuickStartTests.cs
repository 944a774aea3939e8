using Upstash.Workflow.TestSupport.Emulator;
using Upstash.Workflow.QuickStart;
using Upstash.Workflow.Testing;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>The quick start's own code (what <c>dotnet run --project samples/QuickStart</c> runs), and its account.</summary>
public sealed class QuickStartTests
{
    [Fact]
    public async Task Without_a_token_it_runs_on_the_emulator_and_tells_what_it_did()
    {
        using var output = new StringWriter();

        var exit = await Tour.RunAsync([], output, _ => null);

        var account = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("running against the in-process emulator", account, StringComparison.Ordinal);
        Assert.Contains("Failed runs in the DLQ labelled \"nightly\":", account, StringComparison.Ordinal);
        Assert.Equal(3, account.Split('\n').Count(l => l.Contains("/api/workflows/nightly-", StringComparison.Ordinal) && l.Contains("-", StringComparison.Ordinal) && char.IsDigit(l.TrimStart()[0])));
        Assert.Matches(@"Restarted (\d+-\d+) as run (\S+) \(delay 1m, labels retried,quickstart, flow control ""quickstart-retries"": parallelism=2, rate=10, period=1m\)\.", account);
        Assert.Matches(@"Resumed 2 more in bulk: \S+, \S+\.", account);
        Assert.Matches(@"DLQ after: 0 left labelled ""nightly""; \d+-\d+ is gone\.", account);
        Assert.Equal(3, account.Split('\n').Count(l => l.Contains("RUN_STARTED", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task With_a_token_it_only_reads_unless_told_to_write()
    {
        await using var service = await UpstashWorkflowEmulator.StartAsync();
        var id = service.AddFailedRun("https://shop.example/api/workflows/nightly", labels: ["nightly"]);
        string? Environment(string name) => name switch
        {
            "QSTASH_TOKEN" => service.Token,
            "QSTASH_URL" => service.BaseAddress.AbsoluteUri,
            _ => null,
        };

        using var readOnly = new StringWriter();
        Assert.Equal(0, await Tour.RunAsync([], readOnly, Environment));
        Assert.Contains("read only; pass --write", readOnly.ToString(), StringComparison.Ordinal);
        Assert.Contains(id, readOnly.ToString(), StringComparison.Ordinal);
        Assert.Equal([id], service.FailedRunIds);

        using var writing = new StringWriter();
        Assert.Equal(0, await Tour.RunAsync(["--write", "--label", "nightly"], writing, Environment));
        Assert.Contains($"Restarted {id} as run", writing.ToString(), StringComparison.Ordinal);
        Assert.Empty(service.FailedRunIds);
    }
}
