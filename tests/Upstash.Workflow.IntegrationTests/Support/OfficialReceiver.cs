using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.IntegrationTests.Support;

/// <summary>
/// The official receiver (<c>@upstash/qstash</c>'s Receiver) judging signatures: tests/receiver/crosscheck.mjs over an
/// input file (its first lines say the format), with none of the variables the receiver would otherwise read
/// (keys, a region, development mode) deciding anything.
/// </summary>
public static class OfficialReceiver
{
    public static readonly NodeTool Node = new("receiver", "@upstash/qstash/package.json");

    public static Task<(int ExitCode, string Output)> CrossCheckAsync(string inputFile) =>
        Processes.RunAsync("node", Path.Combine(Repository.Root, "tests", "receiver"),
            new Dictionary<string, string?> { ["QSTASH_DEV"] = null, ["QSTASH_REGION"] = null, ["QSTASH_CURRENT_SIGNING_KEY"] = null, ["QSTASH_NEXT_SIGNING_KEY"] = null },
            "crosscheck.mjs", inputFile);
}
