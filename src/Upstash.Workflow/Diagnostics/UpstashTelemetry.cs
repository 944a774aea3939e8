using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Upstash.Workflow.Diagnostics;

/// <summary>
/// The client's traces and metrics, on the platform's own types (no OpenTelemetry dependency): an
/// <see cref="ActivitySource"/> and a <see cref="Meter"/> named <c>Upstash.Workflow</c>, which OpenTelemetry's
/// <c>AddSource</c>/<c>AddMeter</c> subscribe to. While nobody listens to either, a call makes nothing of them
/// (<see cref="Start"/> gives null); docs/observability.md lists every name.
/// </summary>
internal static class UpstashTelemetry
{
    public const string Name = "Upstash.Workflow";

    private static readonly string? Version = typeof(UpstashTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Seconds from a call's start to its answer read (or its failure).</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "upstash.workflow.operation.duration", "s", "How long calls to the Upstash Workflow API took, from the start to the answer read or the failure.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });

    /// <summary>Answers 429 Too Many Requests, by the kind of limit (burst or daily).</summary>
    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        "upstash.workflow.rate_limited", "{answer}", "Answers of the Upstash Workflow API that said a rate limit was reached.");

    /// <summary>Whether anyone listens to the span or the measurements; the generated methods take their plain path while nobody does.</summary>
    public static bool Listening => Source.HasListeners() || Duration.Enabled || RateLimited.Enabled;

    /// <summary>
    /// The span and measurements of one operation call, or null while nobody listens (then the call allocates
    /// nothing for them). <paramref name="name"/> is "{Group}.{Method}", <paramref name="operationId"/> the spec's.
    /// </summary>
    public static OperationScope? Start(string name, string operationId, HttpClient client)
    {
        var activity = Source.HasListeners() ? Source.StartActivity(name, ActivityKind.Client) : null;
        return activity is null && !Duration.Enabled && !RateLimited.Enabled ? null : new OperationScope(activity, operationId, client.BaseAddress);
    }
}
