using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Upstash.Workflow;
using Upstash.Workflow.AspNetCore;

// Where the host's own extensions are, as is the custom.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Receiving what Upstash sends: signed requests to your endpoints, and failure callbacks.</summary>
public static class UpstashReceivingExtensions
{
    /// <summary>
    /// Registers the signature check's keys: bound from <paramref name="configuration"/> (<c>CurrentSigningKey</c>,
    /// <c>NextSigningKey</c>, <c>ClockTolerance</c>), what it leaves unset from <c>QSTASH_CURRENT_SIGNING_KEY</c> and
    /// <c>QSTASH_NEXT_SIGNING_KEY</c> (with <c>QSTASH_REGION</c> set, a request's <c>upstash-region</c> picks the
    /// region's own pair). Keys changed in the configuration apply to the next request. Without a current key the
    /// application does not start.
    /// </summary>
    public static IServiceCollection AddUpstashSignatureVerification(this IServiceCollection services, IConfiguration? configuration = null, Action<UpstashSignatureVerifierOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var keys = services.AddOptions<UpstashSignatureVerifierOptions>();
        if (configuration is not null)
        {
            keys.Bind(configuration);
        }
        if (configure is not null)
        {
            keys.Configure(configure);
        }
        keys.Validate(o => !string.IsNullOrWhiteSpace(o.CurrentSigningKey),
                $"No Upstash signing key: set CurrentSigningKey in {(configuration is IConfigurationSection section ? $"the configuration section '{section.Path}'" : "the options")}, or the environment variable QSTASH_CURRENT_SIGNING_KEY.")
            .ValidateOnStart();
        services.AddOptions<UpstashReceivingOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<UpstashSignatureVerifierOptions>>(new UpstashSignatureOptionsSetup(Environment.GetEnvironmentVariable)));
        services.TryAddSingleton(sp => new UpstashSignatureVerifiers(sp.GetRequiredService<IOptionsMonitor<UpstashSignatureVerifierOptions>>(), Environment.GetEnvironmentVariable));
        return services;
    }

    /// <summary>
    /// Accepts only requests signed by Upstash on these endpoints (one, or a route group): the raw body is verified
    /// before anything binds it, and a request without a valid signature is answered 401 or 403 with the reason,
    /// the endpoint never called. Needs <see cref="AddUpstashSignatureVerification"/>.
    /// </summary>
    public static TBuilder RequireUpstashSignature<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        // After the endpoint's delegate is made (binding included), so the check runs around all of it.
        builder.Finally(endpoint => endpoint.RequestDelegate = UpstashSignatureCheck.Around(endpoint.RequestDelegate!));
        return builder;
    }

    /// <summary>
    /// A failure-callback endpoint: POSTs to <paramref name="pattern"/> signed by Upstash are read into a
    /// <see cref="WorkflowFailureCallback"/> and handed to <paramref name="handler"/>; the answer is 200 unless the
    /// handler writes one (any other status makes Upstash retry), 400 for a body that is no failure callback.
    /// </summary>
    public static IEndpointConventionBuilder MapUpstashFailureCallback(this IEndpointRouteBuilder endpoints, string pattern, Func<WorkflowFailureCallback, HttpContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(handler);
        return endpoints.MapPost(pattern, (RequestDelegate)(async context =>
        {
            // Read once, by the signature check this endpoint always has.
            var body = (ArraySegment<byte>)context.Items[UpstashSignatureCheck.VerifiedBody]!;
            WorkflowFailureCallback callback;
            try
            {
                callback = WorkflowFailureCallback.Read(body);
            }
            catch (JsonException e)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync($"Not a failure callback: {e.Message}", context.RequestAborted);
                return;
            }
            await handler(callback, context);
        })).RequireUpstashSignature();
    }
}
