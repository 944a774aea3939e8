using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upstash.Workflow;
using Upstash.Workflow.AspNetCore;

// Where the host's own extensions are, as is the custom.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Receiving what Upstash sends: signed requests to your endpoints, and failure callbacks.</summary>
public static class UpstashReceivingExtensions
{
    /// <summary>
    /// Registers the signature check: its keys bound from <paramref name="configuration"/> (<c>CurrentSigningKey</c>,
    /// <c>NextSigningKey</c>, <c>ClockTolerance</c>) and <paramref name="configure"/>, each key the configuration leaves
    /// unset found in the environment as <see cref="UpstashSignatureVerifierOptions.WithEnvironment"/> says; and how
    /// requests are received (<see cref="UpstashReceivingOptions"/>: <c>MaxBodySize</c>, <c>VerifyUrl</c>,
    /// <c>PublicBaseUrl</c>) from the same section. Keys changed in the configuration apply to the next request.
    /// Without a current key the application does not start.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">A configuration section holding the keys and receiving settings (<c>Upstash</c>, say); null for none.</param>
    /// <param name="configure">Sets the keys in code, after the configuration.</param>
    public static IServiceCollection AddUpstashSignatureVerification(this IServiceCollection services, IConfiguration? configuration = null, Action<UpstashSignatureVerifierOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var keys = services.AddOptions<UpstashSignatureVerifierOptions>();
        var receiving = services.AddOptions<UpstashReceivingOptions>();
        if (configuration is not null)
        {
            keys.Bind(configuration);
            receiving.Bind(configuration);
        }
        if (configure is not null)
        {
            keys.Configure(configure);
        }
        Func<string, string?> variables = Environment.GetEnvironmentVariable;
        keys.Validate(o => HasKey(o, variables),
                $"No Upstash signing key: set CurrentSigningKey in {(configuration is IConfigurationSection section ? $"the configuration section '{section.Path}'" : "the options")}, or the environment variable QSTASH_CURRENT_SIGNING_KEY.")
            .ValidateOnStart();
        receiving.Validate(o => o.MaxBodySize > 0 && (o.PublicBaseUrl is null || o.PublicBaseUrl.IsAbsoluteUri), "MaxBodySize must be positive, and PublicBaseUrl an absolute URL.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new UpstashSignatureVerifiers(sp.GetRequiredService<IOptionsMonitor<UpstashSignatureVerifierOptions>>(), variables));
        return services;

        // A key for requests that name no region, or for the application's own region (QSTASH_REGION).
        static bool HasKey(UpstashSignatureVerifierOptions options, Func<string, string?> variables) =>
            !string.IsNullOrWhiteSpace(options.WithEnvironment(null, variables).CurrentSigningKey)
            || !string.IsNullOrWhiteSpace(options.WithEnvironment(variables("QSTASH_REGION"), variables).CurrentSigningKey);
    }

    /// <summary>
    /// Accepts only requests signed by Upstash on these endpoints (one, or a route group): the signature header is
    /// checked before the body is read, then the raw body before anything binds it; a request without a valid
    /// signature is answered 401 or 403 at once, the endpoint never called. Needs
    /// <see cref="AddUpstashSignatureVerification"/>.
    /// </summary>
    /// <param name="builder">The endpoint or route group.</param>
    public static TBuilder RequireUpstashSignature<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        // After the endpoint's delegate is made (binding included), so the check runs around all of it.
        builder.Finally(endpoint => endpoint.RequestDelegate = UpstashSignatureCheck.Around(endpoint.RequestDelegate!));
        return builder;
    }

    /// <summary>
    /// A failure-callback endpoint: POSTs to <paramref name="pattern"/> signed by Upstash whose body is a failure
    /// callback (a JSON object naming a <c>workflowRunId</c> or a <c>dlqId</c>) are read into a
    /// <see cref="WorkflowFailureCallback"/> and handed to <paramref name="handler"/>; anything else signed is 400 and
    /// the handler does not run. The answer is 200 unless the handler writes one (any other status makes Upstash retry).
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="pattern">The route, <c>/api/failed</c> say.</param>
    /// <param name="handler">What to do with the callback; the <see cref="HttpContext"/> gives the request's services.</param>
    public static IEndpointConventionBuilder MapUpstashFailureCallback(this IEndpointRouteBuilder endpoints, string pattern, Func<WorkflowFailureCallback, HttpContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return MapFailureCallback(endpoints, pattern, (context, callback) => handler(callback, context));
    }

    /// <summary>
    /// A failure-callback endpoint whose handler is a delegate as <c>MapPost</c> takes one: a parameter of type
    /// <see cref="WorkflowFailureCallback"/> receives the callback, and the others bind as in any minimal API
    /// (services, <see cref="HttpContext"/>, <see cref="CancellationToken"/>, route values); what it returns is written
    /// as <c>MapPost</c> writes it. Otherwise as
    /// <see cref="MapUpstashFailureCallback(IEndpointRouteBuilder, string, Func{WorkflowFailureCallback, HttpContext, Task})"/>.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="pattern">The route, <c>/api/failed</c> say.</param>
    /// <param name="handler">A delegate taking the callback and whatever else it needs: <c>(WorkflowFailureCallback callback, IAlerts alerts) =&gt; …</c>.</param>
    [RequiresUnreferencedCode("Binds the delegate's parameters by reflection, as MapPost(string, Delegate) does. Use the overload taking a Func<WorkflowFailureCallback, HttpContext, Task> in a trimmed application.")]
    [RequiresDynamicCode("Binds the delegate's parameters by reflection, as MapPost(string, Delegate) does. Use the overload taking a Func<WorkflowFailureCallback, HttpContext, Task> in a native AOT application.")]
    public static IEndpointConventionBuilder MapUpstashFailureCallback(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(handler);
        var made = RequestDelegateFactory.Create(handler, new RequestDelegateFactoryOptions { ServiceProvider = new FailureCallbackServices(endpoints.ServiceProvider, null) });
        var builder = MapFailureCallback(endpoints, pattern, async (context, callback) =>
        {
            // The callback is one more service, for this handler only, for the length of its call.
            var services = context.RequestServices;
            context.RequestServices = new FailureCallbackServices(services, callback);
            try
            {
                await made.RequestDelegate(context);
            }
            finally
            {
                context.RequestServices = services;
            }
        });
        builder.Add(endpoint =>
        {
            foreach (var metadata in made.EndpointMetadata)
            {
                endpoint.Metadata.Add(metadata);
            }
        });
        return builder;
    }

    private static IEndpointConventionBuilder MapFailureCallback(IEndpointRouteBuilder endpoints, string pattern, Func<HttpContext, WorkflowFailureCallback, Task> handle)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
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
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(UpstashSignatureLog.Category);
                UpstashSignatureLog.NotACallback(logger, context.Request.Method, context.Request.Path, e.Message);
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"Not a failure callback: {e.Message}", context.RequestAborted);
                return;
            }
            await handle(context, callback);
        })).RequireUpstashSignature();
    }
}
