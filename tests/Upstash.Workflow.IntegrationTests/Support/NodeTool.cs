using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.IntegrationTests.Support;

/// <summary>A Node.js program from one of the repository's pinned node_modules folders (tests/contract, tests/typescript).</summary>
public sealed record NodeTool(string Folder, string Script)
{
    public string Path => System.IO.Path.Combine(Repository.Root, "tests", Folder, "node_modules", Script);

    /// <summary>Why the tool cannot run here (null when it can). In CI a missing tool fails instead.</summary>
    public string? Unavailable()
    {
        if (File.Exists(Path))
        {
            return null;
        }
        return Prerequisite.Missing($"{Script} is not installed at {Path}: run `npm ci --prefix tests/{Folder}` (needs Node.js and npm).");
    }

    /// <summary>Runs the tool with node and returns its exit code and everything it printed.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments) =>
        RunScriptAsync(Path, workingDirectory, arguments);

    /// <summary>Runs any script with node, for code the tools produced.</summary>
    public Task<(int ExitCode, string Output)> RunScriptAsync(string script, string workingDirectory, params string[] arguments) =>
        Processes.RunAsync("node", workingDirectory, [script, .. arguments]);
}
