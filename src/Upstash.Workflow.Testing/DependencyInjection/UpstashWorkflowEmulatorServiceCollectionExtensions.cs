using Microsoft.Extensions.Options;
using Upstash.Workflow;
using Upstash.Workflow.Testing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Points an application's registered Upstash Workflow client at an emulator, for its tests.</summary>
public static class UpstashWorkflowEmulatorServiceCollectionExtensions
{
    /// <summary>
    /// Makes the client that <c>AddUpstashWorkflowClient</c> registered call <paramref name="emulator"/>: its address and
    /// token win over whatever the application's configuration or the environment say, and the region, a token
    /// provider and a transport the application set are left out. And the signature check that
    /// <c>AddUpstashSignatureVerification</c> registered takes the emulator's signing keys (as they are when the
    /// application first verifies a request: after a rotation it keeps them, as a deployed application keeps its
    /// configuration), so what the emulator delivers is accepted. One line in a <c>WebApplicationFactory</c>'s
    /// <c>ConfigureTestServices</c>.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="emulator">The emulator to call, and whose keys to verify with.</param>
    public static IServiceCollection UseUpstashWorkflowEmulator(this IServiceCollection services, UpstashWorkflowEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(emulator);
        // Runs after the application's own configuration and the environment's (post-configurations run in the order they were added).
        services.AddSingleton<IPostConfigureOptions<UpstashWorkflowClientOptions>>(new PostConfigureOptions<UpstashWorkflowClientOptions>(Options.Options.DefaultName, options => emulator.Apply(options)));
        services.AddSingleton<IPostConfigureOptions<UpstashSignatureVerifierOptions>>(new PostConfigureOptions<UpstashSignatureVerifierOptions>(Options.Options.DefaultName, options =>
            (options.CurrentSigningKey, options.NextSigningKey) = emulator.SigningKeys));
        return services;
    }
}
