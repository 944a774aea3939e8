using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Upstash.Workflow.Authentication;

/// <summary>
/// Puts the token on a request right before it leaves: as a bearer header or as the percent-encoded
/// <c>qstash_token</c> query parameter. It sees the absolute URI, so it enforces <see cref="TokenHostPolicy"/>
/// first: a request the token may not go to fails here, unsent. Used by <see cref="UpstashAuthenticationHandler"/>,
/// the last handler of the client's one chain.
/// </summary>
internal sealed partial class RequestAuthenticator
{
    private const string QueryName = "qstash_token";

    private readonly IAccessTokenProvider _tokens;
    private readonly UpstashAuthMode _mode;
    private readonly TokenHostPolicy _policy;
    private readonly ILogger _logger;

    /// <summary>The last token and its header value, swapped as one reference so concurrent calls never mix them.</summary>
    private Bearer? _bearer;

    /// <summary>Creates the authenticator.</summary>
    public RequestAuthenticator(IAccessTokenProvider tokens, UpstashAuthMode mode, TokenHostPolicy policy, ILogger? logger = null)
    {
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _mode = mode;
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Checks where the request goes, then adds the token. Returns the URI to put back with <see cref="Restore"/>
    /// once the request is sent when the token went into the query, otherwise null.
    /// </summary>
    public ValueTask<Uri?> ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new UpstashConfigurationException("The request has no URI.");
        _policy.EnsureAllowed(uri, _tokens.AllowedHostsValidator);
        var token = _tokens.GetAuthorizationTokenAsync(uri, null, cancellationToken);
        // A provider that has the token at hand (the static one always does) costs no state machine.
        return token.IsCompletedSuccessfully ? new(Apply(request, uri, token.Result)) : ApplySlowAsync(request, uri, token);
    }

    /// <summary>Puts back the URI <see cref="ApplyAsync"/> returned, so whoever holds the request afterwards (a retry, a log of response.RequestMessage) sees it without the token.</summary>
    public static void Restore(HttpRequestMessage request, Uri? original)
    {
        if (original is not null)
        {
            request.RequestUri = original;
        }
    }

    private async ValueTask<Uri?> ApplySlowAsync(HttpRequestMessage request, Uri uri, Task<string> token) =>
        Apply(request, uri, await token.ConfigureAwait(false));

    private Uri? Apply(HttpRequestMessage request, Uri uri, string token)
    {
        // The header value is made (and the token checked) once per token, not once per call.
        var bearer = _bearer;
        if (bearer is null || !string.Equals(bearer.Token, token, StringComparison.Ordinal))
        {
            CheckToken(token);
            _bearer = bearer = new Bearer(token, "Bearer " + token);
        }
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogSending(_logger, request.Method, uri.GetLeftPart(UriPartial.Path), _mode);
        }
        if (_mode == UpstashAuthMode.BearerHeader)
        {
            // As text: a parsed value would cost an object per request. Replaced, not added, when the request is sent again.
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", bearer.Header);
            return null;
        }
        request.RequestUri = WithQueryToken(uri, token);
        return uri;
    }

    private sealed record Bearer(string Token, string Header)
    {
        // The token stays out of anything printed.
        public override string ToString() => "Bearer { *** }";
    }

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
