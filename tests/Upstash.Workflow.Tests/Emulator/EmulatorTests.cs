using Upstash.Workflow.Authentication;
using Upstash.Workflow.Testing;
using Upstash.Workflow.Tests.Support;

namespace Upstash.Workflow.Tests.Emulator;

/// <summary>The emulator behaves as the API documents, seen through the generated client.</summary>
public sealed class EmulatorTests
{
    [Fact]
    public async Task A_session_over_every_group_behaves_as_documented()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        using var client = emulator.CreateClient();
        await EmulatorSession.RunAsync(client, emulator);
    }

    [Theory]
    [InlineData(UpstashAuthMode.BearerHeader)]
    [InlineData(UpstashAuthMode.QueryToken)]
    public async Task Both_auth_schemes_are_accepted_and_anything_else_is_401(UpstashAuthMode mode)
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync(token: "tok+/=");
        var options = emulator.ClientOptions();
        options.AuthMode = mode;
        using var client = new UpstashWorkflowClient(options);
        Assert.NotNull(await client.SigningKeys.GetSigningKeysAsync());

        using var wrong = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = emulator.BaseAddress, Token = "wrong", AuthMode = mode });
        var error = await Assert.ThrowsAsync<UnauthorizedException>(() => wrong.SigningKeys.GetSigningKeysAsync());
        Assert.NotNull(error.ErrorMessage);
    }

    [Fact]
    public async Task Bulk_restart_takes_fifty_per_request_and_returns_a_cursor_while_more_remain()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        for (var i = 0; i < 120; i++)
        {
            emulator.AddFailedRun("https://example.com/api/bulk", labels: ["bulk"]);
        }
        using var client = emulator.CreateClient();

        var batches = await UpstashPaging.PagesAsync((cursor, ct) => client.Dlq.RestartWorkflowsAsync(cursor: cursor, filter: new FailedRunFilter { Labels = ["bulk"] }, cancellationToken: ct))
            .Select(b => b.WorkflowRuns!.Count).ToListAsync();

        Assert.Equal([50, 50, 20], batches);
        Assert.Empty(emulator.FailedRunIds);
    }

    [Fact]
    public async Task Ids_with_slashes_and_spaces_address_one_entry()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var run = await client.Runs.TriggerWorkflowAsync(new Uri("https://example.com/api/a b"), options: new WorkflowRunOptions { WorkflowRunId = "wfr/with space" });

        await client.Runs.CancelWorkflowRunAsync("wfr/with space");

        Assert.Equal("wfr/with space", run.WorkflowRunId);
        Assert.Equal("RUN_CANCELED", emulator.RunState("wfr/with space"));
    }
}
