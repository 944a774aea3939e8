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
    /// The name under which <c>IHttpClientFactory</c> builds the client's handler chain: handlers configured for this
    /// name are the ones its calls go through.
    /// </summary>
    public const string HttpClientName = "Upstash.Workflow";

    /// <summary>
    /// Registers <see cref="UpstashWorkflowClient"/> and its groups (<see cref="DlqClient"/>, <see cref="RunsClient"/>, …)
    /// over the handler chain <c>IHttpClientFactory</c> builds for <see cref="HttpClientName"/>, configured by
    /// <paramref name="configure"/>; what it leaves unset comes from the environment variables the official SDKs read
    /// (QSTASH_TOKEN, QSTASH_URL, QSTASH_REGION), and the options are checked when the host starts. Returns the builder,
    /// so handlers can be added, e.g. <c>.AddStandardResilienceHandler()</c>; nothing here retries. The client sends
    /// through the handlers, not an <see cref="HttpClient"/>, so <c>ConfigureHttpClient</c> does not reach it: its
    /// address, timeout and user agent are options.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets options in code, after configuration and the environment have.</param>
    public static IHttpClientBuilder AddUpstashWorkflowClient(this IServiceCollection services, Action<UpstashWorkflowClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<UpstashWorkflowClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        return Register(services, options, "the options AddUpstashWorkflowClient configures");
    }

    /// <summary>
    /// As <see cref="AddUpstashWorkflowClient(IServiceCollection, Action{UpstashWorkflowClientOptions})"/>, bound from a
    /// configuration section (keys named like the options: "Token", "BaseAddress", "Region", "AuthMode", "Timeout", "AllowedHosts", …).
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The section to bind the options from (<c>Upstash</c>, say).</param>
    public static IHttpClientBuilder AddUpstashWorkflowClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // Bound by generated code (see SYSLIB1100 in the project file about TokenProvider).
        var options = services.AddOptions<UpstashWorkflowClientOptions>().Bind(configuration);
        var section = configuration is IConfigurationSection { Path: { Length: > 0 } path } ? $"the configuration section '{path}'" : "the configuration";
        return Register(services, options, section);
    }

    private static IHttpClientBuilder Register(IServiceCollection services, OptionsBuilder<UpstashWorkflowClientOptions> options, string source)
    {
        // What the registration leaves unset comes from the environment, as the official SDKs read it; then it is all checked at start.
        options.PostConfigure(o => o.FillFromEnvironment(Environment.GetEnvironmentVariable)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UpstashWorkflowClientOptions>>(new UpstashWorkflowClientOptionsValidator(source));
        // The client sends through the named chain the factory builds (the handlers added to the builder this returns,
        // over the authenticating primary handler); the factory owns the chain, rotates it and disposes it.
        var builder = services
            .AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => UpstashWorkflowClient.CreateAuthenticatedHandler(
                provider.GetRequiredService<IOptions<UpstashWorkflowClientOptions>>().Value,
                provider.GetService<ILoggerFactory>()));
        services.TryAddTransient(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<UpstashWorkflowClientOptions>>().Value;
            // The deadline each call holds spans every handler of the chain (retries included).
            return new UpstashWorkflowClient(
                provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientName),
                owned: false,
                settings,
                new Upstash.Workflow.Diagnostics.UpstashTelemetry(provider.GetRequiredService<Upstash.Workflow.Diagnostics.UpstashInstruments>(), settings.PropagateTraceContext));
        });
        // The container's meter (IMeterFactory, which the host registers), its instruments made once; the process's without one.
        services.TryAddSingleton(provider => provider.GetService<System.Diagnostics.Metrics.IMeterFactory>() is { } meters
            ? new Upstash.Workflow.Diagnostics.UpstashInstruments(meters)
            : Upstash.Workflow.Diagnostics.UpstashInstruments.Process);
        // Each group's class resolves to the group of the registered client (the list is generated from the spec's tags).
        foreach (var (service, resolve) in UpstashWorkflowClient.Groups)
        {
            services.TryAddTransient(service, provider => resolve(provider.GetRequiredService<UpstashWorkflowClient>()));
        }
        return builder;
    }
}
