using NSubstitute;

namespace Upstash.Workflow.Tests.Client;

/// <summary>The client mocked as docs/testing.md shows: a walking method answers only what FromPages gives it.</summary>
public sealed class MockingTests
{
    [Fact]
    public async Task A_substitute_walks_the_pages_FromPages_gives_it()
    {
        var dlq = Substitute.For<IDlqClient>();
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
        var dlq = Substitute.For<IDlqClient>();

        Assert.Empty(await dlq.GetFailedRunsAsync().ToListAsync());
    }
}
