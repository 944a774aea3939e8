using Microsoft.Kiota.Abstractions.Authentication;

namespace Upstash.Workflow.Authentication;

/// <summary>A fixed token behind Kiota's provider interface, so fixed and rotating tokens take one path.</summary>
internal sealed class StaticTokenProvider(string token) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();

    private readonly Task<string> _token = Task.FromResult(token);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        _token;

    public override string ToString() => "StaticTokenProvider { token = *** }";
}
