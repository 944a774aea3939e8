using Moq;
using NSubstitute;

namespace Upstash.Workflow.Tests.Client;

/// <summary>
/// The client mocked as docs/testing.md shows: the root client and its groups are classes with virtual methods, which
/// NSubstitute and Moq stand in for; a call's short form (<c>GetFailedRunAsync(id, cancellationToken)</c>) reaches the
/// full form a mock answers; a walking method answers only what FromPages gives it.
/// </summary>
public sealed class MockingTests
{
    [Fact]
    public async Task A_substitute_walks_the_pages_FromPages_gives_it()
    {
        var dlq = Substitute.For<DlqClient>();
        dlq.GetFailedRunsAsync(Arg.Any<int?>(), Arg.Any<FailedRunFilter?>(), Arg.Any<CancellationToken>())
            .Returns(UpstashPageable<WorkflowDlqMessage>.FromPages(
            [
                new([new WorkflowDlqMessage { DlqId = "1725323658779-0" }], nextCursor: "1"),
                new([new WorkflowDlqMessage { DlqId = "1725323658779-1" }], nextCursor: null),
            ]));

        var ids = await dlq.GetFailedRunsAsync().Select(e => e.DlqId).ToListAsync();

        Assert.Equal(["1725323658779-0", "1725323658779-1"], ids);
    }

    [Fact]
    public async Task Without_FromPages_a_substitute_walks_nothing()
    {
        // What the docs warn of: NSubstitute makes a pageable of its own, which ends at once.
        var dlq = Substitute.For<DlqClient>();

        Assert.Empty(await dlq.GetFailedRunsAsync().ToListAsync());
    }

    [Fact]
    public async Task A_substitute_of_the_full_form_answers_the_short_form()
    {
        var dlq = Substitute.For<DlqClient>();
        dlq.GetFailedRunAsync("1725323658779-0", Arg.Any<GetFailedRunOptions?>(), Arg.Any<CancellationToken>())
            .Returns(new WorkflowDlqMessage { DlqId = "1725323658779-0", ResponseStatus = 500 });
        using var cancellation = new CancellationTokenSource();

        var entry = await dlq.GetFailedRunAsync("1725323658779-0", cancellation.Token);

        Assert.Equal(500, entry.ResponseStatus);
        await dlq.Received(1).GetFailedRunAsync("1725323658779-0", null, cancellation.Token);
    }

    [Fact]
    public async Task Moq_stands_in_for_the_root_client_and_a_group()
    {
        var dlq = new Mock<DlqClient>();
        dlq.Setup(d => d.RestartWorkflowAsync("1725323658779-0", It.IsAny<RestartWorkflowOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RestartWorkflowResult { WorkflowRunId = "wfr_again" });
        var client = new Mock<UpstashWorkflowClient>();
        client.Setup(c => c.Dlq).Returns(dlq.Object);

        // Code under test takes the root client, as dependency injection hands it over.
        var restarted = await RestartAsync(client.Object, "1725323658779-0");

        Assert.Equal("wfr_again", restarted);
        dlq.Verify(d => d.RestartWorkflowAsync("1725323658779-0", It.Is<RestartWorkflowOptions?>(o => o!.Delay == TimeSpan.FromMinutes(1)), It.IsAny<CancellationToken>()), Times.Once);
    }

    private static async Task<string> RestartAsync(UpstashWorkflowClient client, string dlqId) =>
        (await client.Dlq.RestartWorkflowAsync(dlqId, new RestartWorkflowOptions { Delay = TimeSpan.FromMinutes(1) })).WorkflowRunId;
}
