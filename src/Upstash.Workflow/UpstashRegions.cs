namespace Upstash.Workflow;

/// <summary>The regions the Upstash Workflow API is served from, and their hosts.</summary>
public static class UpstashRegions
{
    /// <summary>Frankfurt, the default region.</summary>
    public const string EuCentral1 = "eu-central-1";

    /// <summary>North Virginia.</summary>
    public const string UsEast1 = "us-east-1";

    /// <summary>The regions this client knows.</summary>
    public static IReadOnlyList<string> All { get; } = [EuCentral1, UsEast1];

    /// <summary>
    /// The base address of <paramref name="region"/>. Accepts "us-east-1" and the environment style
    /// "US_EAST_1"; anything else is an <see cref="ArgumentException"/> listing the known regions.
    /// </summary>
    /// <param name="region">A region id as the service names it, <c>eu-central-1</c> or <c>us-east-1</c> (any case, <c>_</c> for <c>-</c>).</param>
    public static Uri BaseAddress(string region) => new($"https://qstash-{Normalize(region)}.upstash.io/");

    /// <summary>"US_EAST_1" → "us-east-1".</summary>
    /// <param name="region">A region id in any case, with <c>-</c> or <c>_</c>.</param>
    public static string Normalize(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return TryNormalize(region, out var known) ? known : throw new ArgumentException($"Unknown Upstash region '{region}'. Known regions: {string.Join(", ", All)}.", nameof(region));
    }

    /// <summary>"US_EAST_1" → "us-east-1"; false for null or a region this client does not know (an <c>upstash-region</c> header, say).</summary>
    /// <param name="region">A region in either style.</param>
    /// <param name="normalized">The region as <see cref="All"/> spells it; null when unknown.</param>
    public static bool TryNormalize(string? region, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? normalized)
    {
        var name = region?.Trim().Replace('_', '-').ToLowerInvariant();
        normalized = All.FirstOrDefault(known => known == name);
        return normalized is not null;
    }

    /// <summary>"us-east-1" → "US_EAST_1_": how the official SDKs prefix a region's own environment variables.</summary>
    internal static string EnvironmentPrefix(string region) => Normalize(region).ToUpperInvariant().Replace('-', '_') + "_";
}
