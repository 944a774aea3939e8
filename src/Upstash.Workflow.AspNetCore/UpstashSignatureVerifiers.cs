using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Upstash.Workflow.AspNetCore;

/// <summary>
/// One verifier per region a request comes from (the <c>upstash-region</c> header picks the region's own keys when
/// <c>QSTASH_REGION</c> is set), with the keys <see cref="UpstashSignatureVerifierOptions.WithEnvironment"/> finds,
/// made from the current options and made again when they change.
/// </summary>
internal sealed class UpstashSignatureVerifiers : IDisposable
{
    private readonly IOptionsMonitor<UpstashSignatureVerifierOptions> _options;
    private readonly Func<string, string?> _variables;
    private readonly IDisposable? _subscription;
    // Keyed by the known regions only (and "" for none), so a header cannot grow it.
    private ConcurrentDictionary<string, UpstashSignatureVerifier?> _byRegion = new(StringComparer.Ordinal);

    public UpstashSignatureVerifiers(IOptionsMonitor<UpstashSignatureVerifierOptions> options, Func<string, string?> variables)
    {
        _options = options;
        _variables = variables;
        _subscription = options.OnChange(_ => _byRegion = new(StringComparer.Ordinal));
    }

    /// <summary>The verifier for a request from <paramref name="region"/>; null when no current key is known for it.</summary>
    public UpstashSignatureVerifier? For(string? region) =>
        _byRegion.GetOrAdd(UpstashRegions.TryNormalize(region, out var known) ? known : "", static (region, self) => self.Create(region), this);

    /// <summary>The keys a request from <paramref name="region"/> is verified with.</summary>
    public UpstashSignatureVerifierOptions Keys(string? region) => _options.CurrentValue.WithEnvironment(region, _variables);

    private UpstashSignatureVerifier? Create(string region)
    {
        var keys = Keys(region.Length == 0 ? null : region);
        return string.IsNullOrWhiteSpace(keys.CurrentSigningKey) ? null : new UpstashSignatureVerifier(keys);
    }

    public void Dispose() => _subscription?.Dispose();
}
