namespace Upstash.Workflow.Authentication;

/// <summary>
/// Adds the token to each request, once, right before it leaves (see <see cref="RequestAuthenticator"/>).
/// </summary>
/// <remarks>
/// It is the last handler of the client's one chain (under dependency injection, the primary handler), right over
/// the sockets, so loggers and resilience handlers outside it never see the token, and the request's URI is restored afterwards.
/// </remarks>
internal sealed class UpstashAuthenticationHandler(RequestAuthenticator authenticator, bool ownsInner = true) : DelegatingHandler
{
    /// <summary>The factory disposes expired handler chains; a user's transport under this one stays the user's.</summary>
    protected override void Dispose(bool disposing)
    {
        if (ownsInner)
        {
            base.Dispose(disposing);
        }
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var applied = authenticator.ApplyAsync(request, cancellationToken);
        // A token at hand in a header (the usual case) leaves nothing to restore: no state machine for this hop.
        return applied.IsCompletedSuccessfully && applied.Result is null
            ? base.SendAsync(request, cancellationToken)
            : SendRestoringAsync(request, applied, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendRestoringAsync(HttpRequestMessage request, ValueTask<Uri?> applied, CancellationToken cancellationToken)
    {
        var original = await applied.ConfigureAwait(false);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            RequestAuthenticator.Restore(request, original);
        }
    }
}
