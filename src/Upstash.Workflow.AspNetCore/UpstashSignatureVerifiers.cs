using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Upstash.Workflow.AspNetCore;

/// <summary>
/// One verifier per region a request comes from (the <c>upstash-region</c> header picks the region's own keys when
/// <c>QSTASH_REGION</c> is set), made from the current options and made again when they change.
/// </summary>
internal sealed class UpstashSignatureVerifiers : IDisposable
{
    private readonly IOptionsMonitor<UpstashSignatureVerifierOptions> _options;
    private readonly Func<string, string?> _variables;
    private readonly IDisposable? _subscription;
    private ConcurrentDictionary<string, UpstashSignatureVerifier> _byRegion = new(StringComparer.Ordinal);

    public UpstashSignatureVerifiers(IOptionsMonitor<UpstashSignatureVerifierOptions> options, Func<string, string?> variables)
    {
        _options = options;
        _variables = variables;
        _subscription = options.OnChange(_ => _byRegion = new(StringComparer.Ordinal));
    }

    public UpstashSignatureVerifier For(string? region)
    {
        var key = region is not null && UpstashRegions.Known(region) is { } known ? known : "";
        return _byRegion.GetOrAdd(key, static (region, self) => self.Create(region), this);
    }

    private UpstashSignatureVerifier Create(string region)
    {
        var configured = _options.CurrentValue;
        var options = new UpstashSignatureVerifierOptions
        {
            ClockTolerance = configured.ClockTolerance,
            TimeProvider = configured.TimeProvider,
        };
        if (region.Length > 0 && _variables("QSTASH_REGION") is { Length: > 0 })
        {
            // The region's own keys from the environment, then what the configuration says.
            options.FillFromEnvironment(region, _variables);
        }
        options.CurrentSigningKey ??= configured.CurrentSigningKey;
        options.NextSigningKey ??= configured.NextSigningKey;
        return new UpstashSignatureVerifier(options);
    }

    public void Dispose() => _subscription?.Dispose();
}
