using System.Text.Json;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Refit;

namespace Upstash.Workflow.Benchmarks;

/// <summary>Every client, each over its own HttpClient on the same canned transport, set up as its documentation shows.</summary>
internal sealed class Contenders : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public Contenders(byte[] answer)
    {
        Floor = new FloorClient(Http(answer));

        // UpstashGen as a user gets it: its deadline and authentication in the chain, over the transport.
        var upstash = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = Canned.BaseAddress, Token = Canned.Token, Transport = new CannedHandler(answer) });
        _owned.Add(upstash);
        UpstashGen = upstash;

        NSwag = new Peers.NSwagDefaults.NSwagClient(Http(answer));

        Refit = RestService.For<IRefitWorkflowApi>(Http(answer), new RefitSettings
        {
            AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult(Canned.Token),
        });

        var kiota = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new StaticToken()), httpClient: Http(answer))
        {
            BaseUrl = Canned.BaseAddress.AbsoluteUri.TrimEnd('/'),
        };
        Kiota = new Peers.Kiota.KiotaClient(kiota);
    }

    public FloorClient Floor { get; }

    public UpstashWorkflowClient UpstashGen { get; }

    public Peers.NSwagDefaults.NSwagClient NSwag { get; }

    public IRefitWorkflowApi Refit { get; }

    public Peers.Kiota.KiotaClient Kiota { get; }

    public static string OrderJson(Order order) => JsonSerializer.Serialize(order, FloorJson.Default.Order);

    private HttpClient Http(byte[] answer)
    {
        var http = new HttpClient(new CannedHandler(answer)) { BaseAddress = Canned.BaseAddress };
        _owned.Add(http);
        return http;
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
        ((IDisposable)UpstashGen).Dispose();
    }

    private sealed class StaticToken : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new(["qstash.upstash.io"]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(Canned.Token);
    }
}
