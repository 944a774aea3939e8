using Microsoft.Extensions.Logging;
using Upstash.Workflow.Authentication;
using Upstash.Workflow.Core;

namespace Upstash.Workflow;

/// <summary>
/// The entry point: every operation group over one handler chain. Construct it from options (it then owns its
/// connection pool), or let <c>AddUpstashWorkflowClient</c> hand it the chain <c>IHttpClientFactory</c> builds. Its
/// groups (one property per tag of the spec) are generated beside this file.
/// </summary>
public partial class UpstashWorkflowClient : IDisposable
{
    private readonly HttpMessageHandler? _owned;

    /// <summary>A client with its own connection pool, configured by <paramref name="options"/>.</summary>
    /// <param name="options">Where and how to call: token, address or region, timeout, transport.</param>
    /// <param name="loggerFactory">Where the client logs (failed calls, at Warning; never a token); none when null.</param>
    public UpstashWorkflowClient(UpstashWorkflowClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(CreateHandler(options, loggerFactory), owned: true, options, new Diagnostics.UpstashTelemetry(Diagnostics.UpstashInstruments.Process, options.PropagateTraceContext))
    {
    }

    /// <summary>
    /// A client sending through <paramref name="handler"/> (disposed with it when <paramref name="owned"/>) to the base
    /// address <paramref name="options"/> resolve, each call within their timeout (body included). Dependency injection
    /// passes the chain of <c>IHttpClientFactory</c>, whose primary handler authenticates; a chain without
    /// <see cref="UpstashAuthenticationHandler"/> would send no token.
    /// </summary>
    internal UpstashWorkflowClient(HttpMessageHandler handler, bool owned, UpstashWorkflowClientOptions options, Diagnostics.UpstashTelemetry? telemetry)
        : this(
            handler ?? throw new ArgumentNullException(nameof(handler)),
            (options ?? throw new ArgumentNullException(nameof(options))).ResolveBaseAddress(),
            CheckedUserAgent(options.UserAgent),
            telemetry ?? Diagnostics.UpstashTelemetry.Default,
            options.Timeout)
    {
        _owned = owned ? handler : null;
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
    /// <paramref name="agent"/>, parsed here so that a malformed value fails now; kept as text, so no request copies
    /// parsed product tokens.
    /// </summary>
    private static string CheckedUserAgent(string agent)
    {
        using (var probe = new HttpRequestMessage())
        {
            probe.Headers.UserAgent.ParseAdd(agent);
        }
        return agent;
    }

    /// <summary>Disposes the connection pool if this client created it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the handler chain this client created.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>; false from a finalizer, when only unmanaged resources may be released.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _owned?.Dispose();
        }
    }
}
