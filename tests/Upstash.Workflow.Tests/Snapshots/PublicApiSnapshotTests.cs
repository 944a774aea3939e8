using System.Text.RegularExpressions;
using PublicApiGenerator;
using Upstash.Workflow.Tests.Support.Snapshots;

namespace Upstash.Workflow.Tests.Snapshots;

/// <summary>The public surface of Upstash.Workflow.dll, generated and handwritten parts together.</summary>
public sealed partial class PublicApiSnapshotTests
{
    private static readonly string Api = typeof(DlqClient).Assembly.GeneratePublicApi(new ApiGeneratorOptions
    {
        ExcludeAttributes =
        [
            "System.CodeDom.Compiler.GeneratedCodeAttribute",
            "System.Runtime.Versioning.TargetFrameworkAttribute",
            "System.Reflection.AssemblyMetadataAttribute",
        ],
    });

    [Fact]
    public void Public_api_matches_its_snapshot() => Snapshot.Match("PublicApi", Api, "cs");

    [Fact]
    public void Public_api_has_no_placeholder_names()
    {
        Assert.DoesNotMatch(PlaceholderType(), Api);
        Assert.DoesNotMatch(RawHeaderParameter(), Api);
        Assert.DoesNotMatch(NumberedMethod(), Api);
    }

    [Fact]
    public void Restart_reads_like_handwritten_dotnet()
    {
        Assert.Contains(
            "System.Threading.Tasks.Task<Upstash.Workflow.RestartWorkflowResult> RestartWorkflowAsync(string dlqId, int? retries = default, string? delay = null, " +
            "string? retryDelay = null, string? flowControlKey = null, string? flowControlValue = null, string? label = null, " +
            "string? failureCallback = null, System.Threading.CancellationToken cancellationToken = default)",
            Api,
            StringComparison.Ordinal);
        Assert.Contains("public System.DateTimeOffset? WorkflowCreatedAt { get; set; }", Api, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(class|record|interface)\s+(Response\d*|Anonymous\d*)\b")]
    private static partial Regex PlaceholderType();

    [GeneratedRegex(@"\bupstash_\w+")]
    private static partial Regex RawHeaderParameter();

    [GeneratedRegex(@"\b\w*[a-z]\d+Async\(")]
    private static partial Regex NumberedMethod();
}
