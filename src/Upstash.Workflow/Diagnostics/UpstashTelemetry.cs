using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Upstash.Workflow.Diagnostics;

/// <summary>
/// A client's traces and metrics, on the platform's own types (no OpenTelemetry dependency): the
/// <see cref="ActivitySource"/> named <c>Upstash.Workflow</c>, the instruments of a <see cref="Meter"/> of that name
/// (from <c>IMeterFactory</c> under dependency injection, else one of the process), and whether calls that start
/// or wake a run forward the caller's trace context. While nobody listens, a call makes nothing of them
/// (<see cref="Listening"/> is false); docs/observability.md lists every name.
/// </summary>
internal sealed class UpstashTelemetry(UpstashInstruments instruments, bool forwardTraceContext)
{
    public const string Name = TelemetryNames.Source;

    /// <summary>The package's version, which the source and the meter carry.</summary>
    public static string? Version => PackageVersion.Value;

    public static readonly ActivitySource Source = new(Name, Version);

    /// <summary>For clients made outside dependency injection (and tests of a group class alone): the process's meter, nothing forwarded.</summary>
    public static UpstashTelemetry Default { get; } = new(UpstashInstruments.Process, forwardTraceContext: false);

    public UpstashInstruments Instruments { get; } = instruments;

    /// <summary><see cref="UpstashWorkflowClientOptions.PropagateTraceContext"/>.</summary>
    public bool ForwardTraceContext { get; } = forwardTraceContext;

    /// <summary>Whether anyone listens to the span or the measurements; the generated methods take their plain path while nobody does.</summary>
    public bool Listening => Source.HasListeners() || Instruments.Duration.Enabled || Instruments.RateLimited.Enabled;

    /// <summary>
    /// The span and measurements of one operation call, or null while nobody listens (then the call allocates
    /// nothing for them). <paramref name="name"/> is "{Group}.{Method}", <paramref name="operationId"/> the spec's,
    /// <paramref name="baseAddress"/> the client's (the span's server address and port).
    /// </summary>
    public OperationScope? Start(string name, string operationId, Uri baseAddress)
    {
        var activity = Source.HasListeners() ? Source.StartActivity(name, ActivityKind.Client) : null;
        return activity is null && !Instruments.Duration.Enabled && !Instruments.RateLimited.Enabled
            ? null
            : new OperationScope(activity, Instruments, operationId, baseAddress);
    }
}

/// <summary>The version the telemetry carries; apart from the classes that use it, so their static fields never wait on each other.</summary>
internal static class PackageVersion
{
    public static readonly string? Value = typeof(PackageVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
}

/// <summary>The client's instruments, made once per <see cref="Meter"/>.</summary>
internal sealed class UpstashInstruments
{
    /// <summary>Of the meter the process makes for clients built without dependency injection.</summary>
    public static UpstashInstruments Process { get; } = new(new Meter(UpstashTelemetry.Name, PackageVersion.Value));

    public UpstashInstruments(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        Duration = meter.CreateHistogram(
            TelemetryNames.OperationDuration, "s", "How long calls to the Upstash Workflow API took, from the start to the answer read or the failure.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
        RateLimited = meter.CreateCounter<long>(TelemetryNames.RateLimited, "{answer}", "Answers of the Upstash Workflow API that said a rate limit was reached.");
    }

    /// <summary>Under dependency injection: the container's meter factory makes the meter.</summary>
    public UpstashInstruments(IMeterFactory factory)
        : this((factory ?? throw new ArgumentNullException(nameof(factory))).Create(new MeterOptions(UpstashTelemetry.Name) { Version = PackageVersion.Value }))
    {
    }

    /// <summary>Seconds from a call's start to its answer read (or its failure).</summary>
    public Histogram<double> Duration { get; }

    /// <summary>Answers 429 Too Many Requests, by the kind of limit (burst or daily).</summary>
    public Counter<long> RateLimited { get; }
}
