namespace Upstash.Workflow.AspNetCore;

/// <summary>How signed requests are received (beside the keys, <see cref="UpstashSignatureVerifierOptions"/>).</summary>
public sealed class UpstashReceivingOptions
{
    /// <summary>Every option at its default.</summary>
    public UpstashReceivingOptions()
    {
    }

    /// <summary>
    /// The largest body a signed request may have: it is read whole, after its signature header was checked, to be
    /// hashed. A larger one is answered 413. Default: 10 MB.
    /// </summary>
    public long MaxBodySize { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Whether the URL a request was signed for (the token's <c>sub</c>) must be the URL it arrived at. Without it a
    /// signed request to one endpoint of the account is accepted by every other until the token expires. Off by
    /// default, as in the official SDKs; turn it on when your endpoints see the URL Upstash called, or set
    /// <see cref="PublicBaseUrl"/>.
    /// </summary>
    public bool VerifyUrl { get; set; }

    /// <summary>
    /// The scheme, host and path prefix Upstash calls, for an application behind a proxy that changes them
    /// (<c>https://shop.example/</c>): the URL checked is this, then the request's path base, path and query.
    /// Setting it turns <see cref="VerifyUrl"/> on.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
