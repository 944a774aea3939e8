using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Upstash.Workflow.Authentication;

/// <summary>
/// Adds the token to each request, once, right before it leaves: as a bearer header or as the
/// percent-encoded <c>qstash_token</c> query parameter. It sees the absolute URI, so it enforces
/// <see cref="TokenHostPolicy"/> first: a request the token may not go to fails here, unsent.
/// </summary>
/// <remarks>
/// It runs as the innermost handler (the client wraps the socket handler with it), so loggers and
/// resilience handlers outside it never see the token, and the request's URI is restored afterwards.
/// </remarks>
internal sealed partial class UpstashAuthenticationHandler : DelegatingHandler
{
    private const string QueryName = "qstash_token";

    private readonly IAccessTokenProvider _tokens;
    private readonly UpstashAuthMode _mode;
    private readonly TokenHostPolicy _policy;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    public UpstashAuthenticationHandler(IAccessTokenProvider tokens, UpstashAuthMode mode, TokenHostPolicy policy, ILogger<UpstashAuthenticationHandler>? logger = null)
    {
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _mode = mode;
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new UpstashConfigurationException("The request has no URI.");
        _policy.EnsureAllowed(uri, _tokens.AllowedHostsValidator);

        var token = await _tokens.GetAuthorizationTokenAsync(uri, null, cancellationToken).ConfigureAwait(false);
        // The header value is made (and the token checked) once per token, not once per call.
        var bearer = _bearer;
        if (bearer is null || !string.Equals(bearer.Token, token, StringComparison.Ordinal))
        {
            CheckToken(token);
            _bearer = bearer = new Bearer(token, new AuthenticationHeaderValue("Bearer", token));
        }
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogSending(_logger, request.Method, uri.GetLeftPart(UriPartial.Path), _mode);
        }

        if (_mode == UpstashAuthMode.BearerHeader)
        {
            request.Headers.Authorization = bearer.Header;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        request.RequestUri = WithQueryToken(uri, token);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Whoever holds the request afterwards (a retry, a log of response.RequestMessage) sees it without the token.
            request.RequestUri = uri;
        }
    }

    /// <summary>The last token and its header value, swapped as one reference so concurrent calls never mix them.</summary>
    private sealed record Bearer(string Token, AuthenticationHeaderValue Header)
    {
        // The token stays out of anything printed.
        public override string ToString() => "Bearer { *** }";
    }

    private Bearer? _bearer;

    private static void CheckToken([System.Diagnostics.CodeAnalysis.NotNull] string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new UpstashConfigurationException(UpstashConfigurationException.NoToken);
        }
        foreach (var c in token)
        {
            if (c is <= ' ' or > '~')
            {
                throw new UpstashConfigurationException(
                    "The Upstash token contains white space, a control character or non-ASCII; check how it was read (a trailing newline from a file is a common cause).");
            }
        }
    }

    /// <summary>The URI with <c>qstash_token</c> set (replacing any earlier one), the value percent-encoded.</summary>
    internal static Uri WithQueryToken(Uri uri, string token)
    {
        var kept = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !pair.StartsWith(QueryName + "=", StringComparison.Ordinal) && pair != QueryName);
        var query = string.Join('&', kept.Append($"{QueryName}={Uri.EscapeDataString(token)}"));
        return new UriBuilder(uri) { Query = query }.Uri;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sending {Method} {Url} with the token as {Mode}")]
    private static partial void LogSending(ILogger logger, HttpMethod method, string url, UpstashAuthMode mode);
}
