namespace Upstash.Workflow.AspNetCore;

/// <summary>How signed requests are received (beside the keys, <see cref="UpstashSignatureVerifierOptions"/>).</summary>
public sealed class UpstashReceivingOptions
{
    /// <summary>The largest body a signed request may have: it is read whole to be hashed. Default: 10 MB.</summary>
    public long MaxBodySize { get; set; } = 10 * 1024 * 1024;
}
