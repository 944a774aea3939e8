using System.Reflection;
using Microsoft.Kiota.Abstractions.Authentication;
using Upstash.Workflow.Authentication;

namespace Upstash.Workflow;

/// <summary>
/// Everything the client needs to know: where the API is, the token and how it travels, timeout,
/// user agent, and the hosts besides Upstash's the token may go to. Bindable from
/// <c>IConfiguration</c> (<c>"BaseAddress"</c>, <c>"Region"</c>, <c>"Token"</c>, <c>"AuthMode"</c>,
/// <c>"Timeout"</c>, <c>"UserAgent"</c>, <c>"AllowedHosts"</c>).
/// </summary>
public sealed class UpstashWorkflowClientOptions
{
    /// <summary>Every option at its default, nothing read from the environment (<see cref="FromEnvironment"/> reads it).</summary>
    public UpstashWorkflowClientOptions()
    {
    }

    /// <summary>The spec's server, the API's original single host.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://qstash.upstash.io/");

    /// <summary>Where the API is. Wins over <see cref="Region"/>. With or without a trailing slash.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>A region from <see cref="UpstashRegions"/> ("eu-central-1", "us-east-1"), used when <see cref="BaseAddress"/> is not set.</summary>
    public string? Region { get; set; }

    /// <summary>The QStash token. Never printed by <see cref="ToString"/>.</summary>
    // A secret: never written by a serializer (configuration binds it; JSON does not).
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Token { get; set; }

    /// <summary>A token source that can rotate tokens (any Kiota provider). Wins over <see cref="Token"/>.</summary>
    public IAccessTokenProvider? TokenProvider { get; set; }

    /// <summary>Bearer header (default) or <c>qstash_token</c> query parameter.</summary>
    public UpstashAuthMode AuthMode { get; set; } = UpstashAuthMode.BearerHeader;

    /// <summary>How long one call may take, end to end. Default 100 seconds, as <see cref="HttpClient"/>'s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The User-Agent header. Default "Upstash.Workflow.DotNet/&lt;version&gt;".</summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>
    /// The most connections open to the API at once (default 100); further concurrent calls wait for
    /// one. A burst of calls then cannot exhaust the machine's sockets.
    /// </summary>
    public int MaxConnectionsPerServer { get; set; } = 100;

    /// <summary>Hosts besides Upstash's and loopback that the token may be sent to (a proxy, a gateway).</summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>
    /// What sends the requests, under the client's own handling (the deadline, the host check and the
    /// token, which it has already added): a handler of your own for tests, a recording proxy or custom
    /// sockets. Default: sockets, with redirects off and <see cref="MaxConnectionsPerServer"/>. The client
    /// never disposes it: it stays yours, and can serve several clients.
    /// </summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>What the client sends as <c>User-Agent</c> unless <see cref="UserAgent"/> says otherwise: <c>Upstash.Workflow.DotNet/&lt;version&gt;</c>.</summary>
    public static string DefaultUserAgent { get; } =
        "Upstash.Workflow.DotNet/" + (typeof(UpstashWorkflowClientOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0");

    /// <summary>The base address to use, always with a trailing slash so relative paths keep its last segment.</summary>
    internal Uri ResolveBaseAddress()
    {
        var address = BaseAddress ?? (string.IsNullOrWhiteSpace(Region) ? DefaultBaseAddress : UpstashRegions.BaseAddress(Region));
        if (!address.IsAbsoluteUri)
        {
            throw new UpstashConfigurationException($"The base address '{address}' is not absolute; give scheme and host, e.g. https://qstash.upstash.io.");
        }
        return address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
    }

    /// <summary>
    /// Forward the current trace context (<c>traceparent</c>, <c>tracestate</c> of <see cref="System.Diagnostics.Activity.Current"/>)
    /// to the workflow on calls that start or wake a run (trigger, batch trigger, resume, restart, notify), as
    /// <c>Upstash-Forward-traceparent</c>, so the run's steps can join the caller's trace. Off by default: the
    /// workflow endpoint then learns the caller's trace and span ids.
    /// </summary>
    public bool PropagateTraceContext { get; set; }

    /// <summary>The token source: <see cref="TokenProvider"/>, else the fixed <see cref="Token"/>.</summary>
    internal IAccessTokenProvider ResolveTokenProvider() =>
        TokenProvider ?? (string.IsNullOrEmpty(Token)
            ? throw new UpstashConfigurationException(UpstashConfigurationException.NoToken)
            : new StaticTokenProvider(Token));

    /// <summary>
    /// Options from the environment variables the official SDKs read: <c>QSTASH_TOKEN</c> and
    /// <c>QSTASH_URL</c>; with <c>QSTASH_REGION</c> set, the region's own pair
    /// (<c>US_EAST_1_QSTASH_TOKEN</c>, <c>US_EAST_1_QSTASH_URL</c>) wins over the plain one. With <c>QSTASH_DEV=true</c>,
    /// the <see cref="UpstashDevelopmentServer"/>'s address and token instead.
    /// </summary>
    /// <param name="variables">Reads a variable; defaults to <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public static UpstashWorkflowClientOptions FromEnvironment(Func<string, string?>? variables = null)
    {
        var options = new UpstashWorkflowClientOptions();
        options.FillFromEnvironment(variables ?? Environment.GetEnvironmentVariable);
        return options;
    }

    /// <summary>
    /// Sets what is not set yet from the environment, as <see cref="FromEnvironment"/> reads it: the token unless
    /// <see cref="Token"/> or <see cref="TokenProvider"/> is set, the region unless <see cref="Region"/> is, the
    /// address unless <see cref="BaseAddress"/> or a region was set before.
    /// </summary>
    internal void FillFromEnvironment(Func<string, string?> variables)
    {
        string? Read(string name) => variables(name) is { Length: > 0 } value ? value.Trim() : null;

        var addressGiven = BaseAddress is not null || !string.IsNullOrWhiteSpace(Region);
        // Development mode, as the official SDKs read it: the development server's address and token, where the
        // options set none (what you configured is never replaced).
        if (UpstashDevelopmentServer.On(variables))
        {
            if (string.IsNullOrEmpty(Token) && TokenProvider is null)
            {
                Token = UpstashDevelopmentServer.Token;
            }
            if (!addressGiven)
            {
                BaseAddress = UpstashDevelopmentServer.Address(variables);
            }
            return;
        }
        if (string.IsNullOrWhiteSpace(Region) && Read("QSTASH_REGION") is { } region)
        {
            Region = UpstashRegions.Normalize(region);
        }
        var prefix = string.IsNullOrWhiteSpace(Region) ? "" : UpstashRegions.EnvironmentPrefix(Region);
        if (string.IsNullOrEmpty(Token) && TokenProvider is null)
        {
            Token = Read(prefix + "QSTASH_TOKEN") ?? Read("QSTASH_TOKEN");
        }
        if (!addressGiven && (Read(prefix + "QSTASH_URL") ?? Read("QSTASH_URL")) is { } url)
        {
            BaseAddress = Uri.TryCreate(url, UriKind.Absolute, out var parsed)
                ? parsed
                : throw new UpstashConfigurationException($"{prefix}QSTASH_URL is not an absolute URL.");
        }
    }

    /// <summary>
    /// What is wrong with these options, each as a sentence that says where to fix it (<paramref name="source"/>:
    /// where the options were read from); empty when nothing is. The client checks the same on every call.
    /// </summary>
    internal IReadOnlyList<string> Problems(string source)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(Token) && TokenProvider is null)
        {
            problems.Add($"No Upstash token: set Token in {source}, or the environment variable QSTASH_TOKEN (a TokenProvider set in code also does).");
        }
        if (BaseAddress is { IsAbsoluteUri: false })
        {
            problems.Add($"BaseAddress '{BaseAddress}' in {source} is not absolute; give scheme and host, e.g. https://qstash.upstash.io.");
        }
        if (!string.IsNullOrWhiteSpace(Region) && !UpstashRegions.TryNormalize(Region, out _))
        {
            problems.Add($"Region '{Region}' in {source} is not one of {string.Join(", ", UpstashRegions.All)}.");
        }
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            problems.Add($"Timeout in {source} must be positive (or infinite), not {Timeout}.");
        }
        if (MaxConnectionsPerServer < 1)
        {
            problems.Add($"MaxConnectionsPerServer in {source} must be at least 1, not {MaxConnectionsPerServer}.");
        }
        return problems;
    }

    /// <summary>The settings, with the token shown only as set or not.</summary>
    public override string ToString() =>
        $"UpstashWorkflowClientOptions {{ BaseAddress = {BaseAddress}, Region = {Region}, AuthMode = {AuthMode}, " +
        $"Token = {(string.IsNullOrEmpty(Token) ? "(not set)" : "***")}, TokenProvider = {(TokenProvider is null ? "(not set)" : TokenProvider.GetType().Name)}, " +
        $"Timeout = {Timeout}, MaxConnectionsPerServer = {MaxConnectionsPerServer}, UserAgent = {UserAgent}, AllowedHosts = [{string.Join(", ", AllowedHosts)}], " +
        $"Transport = {(Transport is null ? "(sockets)" : Transport.GetType().Name)} }}";
}
