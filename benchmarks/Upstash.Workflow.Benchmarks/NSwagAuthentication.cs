namespace Peers.NSwagDefaults;

/// <summary>NSwag's documented way to add a header to every request: its partial PrepareRequest.</summary>
public partial class NSwagClient
{
    private const string Authorization = "Bearer " + Upstash.Workflow.Benchmarks.Canned.Token;

    partial void PrepareRequest(System.Net.Http.HttpClient client, System.Net.Http.HttpRequestMessage request, string url) =>
        request.Headers.TryAddWithoutValidation("Authorization", Authorization);
}
