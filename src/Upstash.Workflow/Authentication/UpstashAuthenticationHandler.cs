namespace Upstash.Workflow.Authentication;

/// <summary>
/// Adds the token to each request, once, right before it leaves (see <see cref="RequestAuthenticator"/>).
/// </summary>
/// <remarks>
/// Under dependency injection it is the primary handler (it wraps the socket handler), so loggers and
/// resilience handlers outside it never see the token, and the request's URI is restored afterwards.
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
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = await authenticator.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
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
