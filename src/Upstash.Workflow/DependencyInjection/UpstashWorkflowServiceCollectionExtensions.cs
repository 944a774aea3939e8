using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upstash.Workflow;
using Upstash.Workflow.Core;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Upstash Workflow client on <c>IHttpClientFactory</c>.</summary>
public static class UpstashWorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IUpstashWorkflowClient"/> and its groups (<see cref="IDlqClient"/>, <see cref="IRunsClient"/>, …) as a typed
    /// client. Returns the builder, so handlers can be added, e.g. <c>.AddStandardResilienceHandler()</c>;
    /// nothing here retries.
    /// </summary>
    public static IHttpClientBuilder AddUpstashWorkflowClient(this IServiceCollection services, Action<UpstashWorkflowClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<UpstashWorkflowClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        return Register(services);
    }

    /// <summary>As <see cref="AddUpstashWorkflowClient(IServiceCollection, Action{UpstashWorkflowClientOptions})"/>, bound from a configuration section.</summary>
    public static IHttpClientBuilder AddUpstashWorkflowClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // Bound by generated code (see SYSLIB1100 in the project file about TokenProvider).
        services.AddOptions<UpstashWorkflowClientOptions>().Bind(configuration);
        return Register(services);
    }

    private static IHttpClientBuilder Register(IServiceCollection services)
    {
        var builder = services
            .AddHttpClient<IUpstashWorkflowClient, UpstashWorkflowClient>((http, _) => new UpstashWorkflowClient(http, owned: false))
            .ConfigureHttpClient((provider, http) =>
                UpstashWorkflowClient.Configure(http, provider.GetRequiredService<IOptions<UpstashWorkflowClientOptions>>().Value))
            .ConfigurePrimaryHttpMessageHandler(provider => UpstashWorkflowClient.CreateAuthenticatedHandler(
                provider.GetRequiredService<IOptions<UpstashWorkflowClientOptions>>().Value,
                provider.GetService<ILoggerFactory>()))
            // First, so the deadline spans every handler added after it (retries included).
            .AddHttpMessageHandler(provider => new DeadlineHandler(provider.GetRequiredService<IOptions<UpstashWorkflowClientOptions>>().Value.Timeout));
        // Each group's interface resolves to the group of the registered client (the list is generated from the spec's tags).
        foreach (var (service, resolve) in UpstashWorkflowClient.Groups)
        {
            services.TryAddTransient(service, provider => resolve(provider.GetRequiredService<IUpstashWorkflowClient>()));
        }
        return builder;
    }
}
