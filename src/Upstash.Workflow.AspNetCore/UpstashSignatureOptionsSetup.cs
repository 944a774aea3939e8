using Microsoft.Extensions.Options;

namespace Upstash.Workflow.AspNetCore;

/// <summary>Fills the keys the configuration leaves unset from the environment, as the official SDKs read them.</summary>
internal sealed class UpstashSignatureOptionsSetup(Func<string, string?> variables) : IPostConfigureOptions<UpstashSignatureVerifierOptions>
{
    public void PostConfigure(string? name, UpstashSignatureVerifierOptions options) => options.FillFromEnvironment(null, variables);
}
