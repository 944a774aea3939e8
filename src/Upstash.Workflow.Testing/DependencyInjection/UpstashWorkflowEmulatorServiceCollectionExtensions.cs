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
    /// provider and a transport the application set are left out. One line in a <c>WebApplicationFactory</c>'s
    /// <c>ConfigureTestServices</c>.
    /// </summary>
    public static IServiceCollection UseUpstashWorkflowEmulator(this IServiceCollection services, UpstashWorkflowEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(emulator);
        // Runs after the application's own configuration and the environment's (post-configurations run in the order they were added).
        services.AddSingleton<IPostConfigureOptions<UpstashWorkflowClientOptions>>(new PostConfigureOptions<UpstashWorkflowClientOptions>(Options.Options.DefaultName, options => emulator.Apply(options)));
        return services;
    }
}
