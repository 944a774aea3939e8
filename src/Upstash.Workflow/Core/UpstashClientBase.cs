using System.Text;
using Upstash.Workflow.Errors;

namespace Upstash.Workflow.Core;

/// <summary>
/// Base of every generated client class (NSwag's <c>clientBaseClass</c>): the hooks NSwag calls
/// around each request, implemented once for all operations.
/// </summary>
public abstract class UpstashClientBase
{
    /// <summary>
    /// Set on a request whose operation documents a 3xx answer as its success (e.g. "Cancel In-Progress
    /// Failure Callback" answers 302). Redirects are never followed, so that answer arrives here.
    /// </summary>
    public static readonly HttpRequestOptionsKey<int> SuccessRedirect = new("Upstash.Workflow.SuccessRedirect");

    /// <summary>
    /// Resolves the operation's relative path against the client's base address, so a base address
    /// without a trailing slash ("https://host/prefix") keeps its last segment.
    /// </summary>
    protected virtual Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder, CancellationToken cancellationToken)
    {
        var baseAddress = client.BaseAddress ?? throw new InvalidOperationException(
            "The HttpClient has no BaseAddress. Create the client through UpstashWorkflowClient or AddUpstashWorkflowClient, or set HttpClient.BaseAddress.");
        var root = baseAddress.AbsoluteUri;
        urlBuilder.Insert(0, root.EndsWith('/') ? root : root + "/");
        return Task.CompletedTask;
    }

    /// <summary>Nothing to do once the URL is final; a hook for derived clients.</summary>
    protected virtual Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, string url, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// Turns every 4xx and 5xx answer into its typed exception before the generated code looks at
    /// it, so a missing, empty or non-JSON body still yields the right type (see <see cref="ErrorMapper"/>).
    /// </summary>
    protected virtual async Task ProcessResponseAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.RequestMessage?.Options.TryGetValue(SuccessRedirect, out var redirect) == true && (int)response.StatusCode == redirect)
        {
            // The generator gave NSwag this operation's documented 3xx as a 200 too: read it as that.
            response.StatusCode = System.Net.HttpStatusCode.OK;
            return;
        }
        if ((int)response.StatusCode >= 400)
        {
            throw await ErrorMapper.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }
}
