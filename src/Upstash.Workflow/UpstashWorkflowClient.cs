using Microsoft.Extensions.Logging;
using Upstash.Workflow.Authentication;
using Upstash.Workflow.Core;

namespace Upstash.Workflow;

/// <summary>
/// The entry point: every operation group over one <see cref="HttpClient"/>. Construct it from
/// options (it then owns its connection pool), or let <c>AddUpstashWorkflowClient</c> inject an
/// <see cref="HttpClient"/> from <c>IHttpClientFactory</c>. Its groups (one property per tag of the
/// spec) are generated beside this file.
/// </summary>
public partial class UpstashWorkflowClient : IDisposable
{
    private readonly HttpClient? _owned;

    /// <summary>A client with its own connection pool, configured by <paramref name="options"/>.</summary>
    /// <param name="options">Where and how to call: token, address or region, timeout, transport.</param>
    /// <param name="loggerFactory">Where the client logs (failed calls, at Warning; never a token); none when null.</param>
    public UpstashWorkflowClient(UpstashWorkflowClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(CreateHttpClient(options, loggerFactory), owned: true, new Diagnostics.UpstashTelemetry(Diagnostics.UpstashInstruments.Process, options.PropagateTraceContext), options.Timeout)
    {
    }

    /// <summary>
    /// A client over <paramref name="httpClient"/>, disposing it with itself when <paramref name="owned"/>, each call
    /// within <paramref name="timeout"/> (body included). Dependency injection passes the <see cref="HttpClient"/> that
    /// <c>AddUpstashWorkflowClient</c> sets up (base address, authentication, host policy); one made otherwise would send no token.
    /// </summary>
    internal UpstashWorkflowClient(HttpClient httpClient, bool owned, Diagnostics.UpstashTelemetry? telemetry, TimeSpan timeout)
        : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), telemetry ?? Diagnostics.UpstashTelemetry.Default, timeout)
    {
        _owned = owned ? httpClient : null;
    }

    /// <summary>A client configured from QSTASH_TOKEN, QSTASH_URL and QSTASH_REGION.</summary>
    public static UpstashWorkflowClient FromEnvironment() => new(UpstashWorkflowClientOptions.FromEnvironment());

    /// <summary>
    /// The handler chain the client sends through: authentication, over <see cref="UpstashWorkflowClientOptions.Transport"/>
    /// or sockets with redirects off. Dependency injection builds the same chain (authentication is the factory's
    /// primary handler), so none of the handlers added there sees the token; the call's deadline, which each
    /// generated method holds, spans all of them.
    /// </summary>
    /// <remarks>
    /// Redirects are not followed: a 302 is a documented answer of the API, and following one would
    /// carry the request (and a query token) to wherever the Location points.
    /// </remarks>
    internal static HttpMessageHandler CreateHandler(UpstashWorkflowClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CreateAuthenticatedHandler(options, loggerFactory);
    }

    /// <summary>Authentication over the transport: the primary handler under dependency injection.</summary>
    internal static HttpMessageHandler CreateAuthenticatedHandler(UpstashWorkflowClientOptions options, ILoggerFactory? loggerFactory = null) =>
        new UpstashAuthenticationHandler(CreateAuthenticator(options, loggerFactory), ownsInner: options.Transport is null)
        {
            InnerHandler = options.Transport ?? CreateSockets(options),
        };

    private static SocketsHttpHandler CreateSockets(UpstashWorkflowClientOptions options) => new()
    {
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = options.MaxConnectionsPerServer,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private static RequestAuthenticator CreateAuthenticator(UpstashWorkflowClientOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RequestAuthenticator(
            options.ResolveTokenProvider(),
            options.AuthMode,
            new TokenHostPolicy(options.AllowedHosts),
            loggerFactory?.CreateLogger<UpstashAuthenticationHandler>());
    }

    /// <summary>
    /// Applies base address and user agent to <paramref name="httpClient"/>. Its own timeout is turned
    /// off: each generated method keeps <see cref="UpstashWorkflowClientOptions.Timeout"/> itself, body included.
    /// </summary>
    internal static void Configure(HttpClient httpClient, UpstashWorkflowClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        httpClient.BaseAddress = options.ResolveBaseAddress();
        httpClient.Timeout = Timeout.InfiniteTimeSpan;
        // Parsed here, so a malformed value fails now; kept as text, so no request copies parsed product tokens.
        var agent = options.UserAgent;
        using (var probe = new HttpRequestMessage())
        {
            probe.Headers.UserAgent.ParseAdd(agent);
        }
        httpClient.DefaultRequestHeaders.Remove("User-Agent");
        httpClient.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", agent);
    }

    /// <summary>Disposes the connection pool if this client created it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the owned <see cref="HttpClient"/>.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>; false from a finalizer, when only unmanaged resources may be released.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _owned?.Dispose();
        }
    }

    private static HttpClient CreateHttpClient(UpstashWorkflowClientOptions options, ILoggerFactory? loggerFactory)
    {
        var client = new HttpClient(CreateHandler(options, loggerFactory), disposeHandler: true);
        Configure(client, options);
        return client;
    }
}
