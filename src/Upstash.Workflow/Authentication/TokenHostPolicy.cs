using System.Text.RegularExpressions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Upstash.Workflow.Authentication;

/// <summary>
/// Where the token may go: the Upstash hosts (<c>qstash.upstash.io</c>, <c>qstash-&lt;region&gt;.upstash.io</c>),
/// loopback, and hosts the user lists. Plain http only to loopback. A Kiota token provider's own
/// <see cref="AllowedHostsValidator"/>, when it lists hosts, must agree too.
/// </summary>
internal sealed partial class TokenHostPolicy
{
    private readonly AllowedHostsValidator _listed;
    private readonly bool _anyListed;

    /// <summary>Creates the policy with the hosts allowed beyond Upstash's and loopback.</summary>
    public TokenHostPolicy(IEnumerable<string>? allowedHosts = null)
    {
        var hosts = (allowedHosts ?? []).Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()).ToArray();
        _anyListed = hosts.Length > 0;
        _listed = new AllowedHostsValidator(hosts);
    }

    /// <summary>True for the hosts Upstash serves the API from.</summary>
    public static bool IsUpstashHost(string host) => UpstashHost().IsMatch(host);

    /// <summary>
    /// The last origin found allowed, as "scheme://host[:port]/"; every call of one client goes to the same
    /// one, so it is checked once. A URI whose text starts with it has that origin: the '/' ends the authority.
    /// </summary>
    private string? _allowed;

    /// <summary>Throws <see cref="UpstashConfigurationException"/> unless the token may be sent to <paramref name="uri"/>.</summary>
    public void EnsureAllowed(Uri uri, AllowedHostsValidator? providerValidator = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        // The URI's own text, not Host: Host makes a new string on every read.
        if (uri.IsAbsoluteUri && _allowed is { } allowed && uri.OriginalString.StartsWith(allowed, StringComparison.Ordinal))
        {
            return;
        }
        Check(uri, providerValidator);
        _allowed = uri.GetLeftPart(UriPartial.Authority) + "/";
    }

    private void Check(Uri uri, AllowedHostsValidator? providerValidator)
    {
        if (!uri.IsAbsoluteUri)
        {
            throw new UpstashConfigurationException("The request has no absolute URI; set a base address so the client knows where the token goes.");
        }
        var host = uri.IdnHost;
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw new UpstashConfigurationException(
                $"Refusing to send the Upstash token over plain http to '{host}': http is only allowed to loopback (localhost, 127.0.0.1, ::1). Use an https:// base address.");
        }
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new UpstashConfigurationException($"Refusing to send the Upstash token over '{uri.Scheme}': only https (and http to loopback) are supported.");
        }
        if (!uri.IsLoopback && !IsUpstashHost(host) && !(_anyListed && _listed.IsUrlHostValid(uri)))
        {
            throw new UpstashConfigurationException(
                $"Refusing to send the Upstash token to '{host}': it is not an Upstash host or loopback. " +
                $"If the host is yours (a proxy, a gateway, an emulator), add \"{host}\" to UpstashWorkflowClientOptions.AllowedHosts.");
        }
        if (providerValidator is not null && providerValidator.AllowedHosts.Any() && !providerValidator.IsUrlHostValid(uri))
        {
            throw new UpstashConfigurationException(
                $"Refusing to send the Upstash token to '{host}': the token provider's AllowedHostsValidator does not list it. Add the host there.");
        }
    }

    [GeneratedRegex(@"^qstash(-[a-z0-9]+(-[a-z0-9]+)*)?\.upstash\.io$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpstashHost();
}
