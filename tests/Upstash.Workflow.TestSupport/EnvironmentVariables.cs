namespace Upstash.Workflow.TestSupport;

/// <summary>
/// Process environment variables a test sets and the end of the test puts back: the QSTASH_* names the
/// client reads are cleared first, so what a developer has set does not leak into the test.
/// </summary>
public sealed class EnvironmentVariables : IDisposable
{
    /// <summary>The plain names, and each known region's own ("US_EAST_1_QSTASH_TOKEN"), signing keys included.</summary>
    private static readonly string[] Read =
    [
        "QSTASH_TOKEN", "QSTASH_URL", "QSTASH_REGION", "QSTASH_CURRENT_SIGNING_KEY", "QSTASH_NEXT_SIGNING_KEY",
        .. UpstashRegions.All.SelectMany(region => new[] { "QSTASH_TOKEN", "QSTASH_URL", "QSTASH_CURRENT_SIGNING_KEY", "QSTASH_NEXT_SIGNING_KEY" }.Select(name => region.ToUpperInvariant().Replace('-', '_') + "_" + name)),
    ];

    private readonly Dictionary<string, string?> _before = new(StringComparer.Ordinal);

    public EnvironmentVariables(IReadOnlyDictionary<string, string>? set = null)
    {
        foreach (var name in Read.Concat(set?.Keys ?? []).Distinct(StringComparer.Ordinal))
        {
            _before[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, set?.GetValueOrDefault(name));
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _before)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
