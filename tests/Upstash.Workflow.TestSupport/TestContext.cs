namespace Upstash.Workflow.TestSupport;

/// <summary>A cancellation token for awaited calls, so a hung server fails a test instead of the run.</summary>
public static class TestContext
{
    public static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
