using Xunit.Abstractions;
using Xunit.Sdk;

namespace Upstash.Workflow.TestSupport;

/// <summary>
/// Prints a line in the test run's output (as "[xUnit.net …] &lt;test project&gt;: …"), for figures
/// a test measures; xunit shows test output only for failures, diagnostic messages always.
/// </summary>
public sealed class Reporter(IMessageSink sink)
{
    public void Say(string line) => sink.OnMessage(new DiagnosticMessage(line));
}
