using Xunit.Sdk;

namespace Upstash.Workflow.IntegrationTests.Support;

/// <summary>A test's outside prerequisite (a Node tool, a browser) that is missing: skipped with why on a laptop, a failure in CI.</summary>
public static class Prerequisite
{
    /// <summary><paramref name="why"/>, for Skip.If; throws instead when CI runs the tests (they must run there, not skip).</summary>
    public static string Missing(string why) =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? throw new XunitException(why + " CI must run these tests, not skip them.")
            : why;
}
