using System.Diagnostics;
using System.Globalization;

namespace Upstash.Workflow.Diagnostics;

/// <summary>
/// One operation call while someone listens: its CLIENT span (current while the request is sent, so the
/// HTTP spans of the handlers, retries included, are its children) and its duration. Attributes are set only
/// when the span records them. It carries ids, counts and statuses, never a token, payload, header value or
/// query.
/// </summary>
internal sealed class OperationScope : IDisposable
{
    // The span, and the span again when it records attributes (null when it does not, so no attribute is set).
    private readonly Activity? _span;
    private readonly Activity? _activity;
    private readonly UpstashInstruments _instruments;
    private readonly string _operationId;
    private readonly string? _server;
    private readonly long _started;
    private int? _status;
    private string? _errorType;

    public OperationScope(Activity? activity, UpstashInstruments instruments, string operationId, Uri? baseAddress)
    {
        _instruments = instruments;
        _span = activity;
        _activity = activity is { IsAllDataRequested: true } ? activity : null;
        _operationId = operationId;
        _server = baseAddress?.Host;
        _started = _instruments.Duration.Enabled ? Stopwatch.GetTimestamp() : 0;
        if (_activity is { } span)
        {
            span.SetTag(TelemetryNames.Operation, operationId);
            span.SetTag(TelemetryNames.ServerAddress, _server);
            span.SetTag(TelemetryNames.ServerPort, baseAddress?.Port);
        }
    }

    /// <summary>An id or flag the call was made with, or read from its answer.</summary>
    public void Tag(string name, object? value) => _activity?.SetTag(name, value);

    /// <summary>How many ids of a list the call sent.</summary>
    public void Count(string name, IEnumerable<string>? values)
    {
        if (_activity is { } span && values is not null)
        {
            span.SetTag(name, values.Count());
        }
    }

    /// <summary>The answer's status, once its headers are in.</summary>
    public void Answered(int status)
    {
        _status = status;
        _activity?.SetTag(TelemetryNames.HttpResponseStatusCode, status);
    }

    /// <summary>Records why the call failed; returns false, so an exception filter calling it lets the exception go on.</summary>
    public bool Failed(Exception exception)
    {
        _errorType = exception is UpstashWorkflowException { StatusCode: > 0 } answered
            ? answered.StatusCode.ToString(CultureInfo.InvariantCulture)
            : exception.GetType().FullName;
        if (exception is RateLimitedException limited && _instruments.RateLimited.Enabled)
        {
            _instruments.RateLimited.Add(1, new KeyValuePair<string, object?>(TelemetryNames.RateLimitKind, limited.Kind.ToString()),
                new KeyValuePair<string, object?>(TelemetryNames.ServerAddress, _server));
        }
        if (_activity is { } span)
        {
            span.SetTag(TelemetryNames.ErrorType, _errorType);
            span.SetStatus(ActivityStatusCode.Error);
        }
        return false;
    }

    public void Dispose()
    {
        if (_started != 0)
        {
            var tags = new TagList
            {
                { TelemetryNames.Operation, _operationId },
                { TelemetryNames.ServerAddress, _server },
            };
            if (_status is { } status)
            {
                tags.Add(TelemetryNames.HttpResponseStatusCode, status);
            }
            if (_errorType is not null)
            {
                tags.Add(TelemetryNames.ErrorType, _errorType);
            }
            _instruments.Duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }
        _span?.Dispose();
    }
}
