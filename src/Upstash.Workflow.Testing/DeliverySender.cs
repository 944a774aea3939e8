using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Upstash.Workflow.Testing;

/// <summary>What an endpoint answered a delivery, or why no answer came.</summary>
internal sealed record DeliveryAnswer(int Status, byte[] Body, IReadOnlyDictionary<string, string> Headers, string? Failure)
{
    /// <summary>The delivery as recorded (<see cref="UpstashWorkflowEmulator.Deliveries"/>), so a retry's time can be written on it.</summary>
    public EmulatorDelivery? Record { get; init; }

    /// <summary>The answer's headers with each value apart, as the service hands a call's answer to the workflow (one element per value).</summary>
    public IReadOnlyDictionary<string, string[]> HeaderValues { get; init; } = new Dictionary<string, string[]>();

    public bool Succeeded => Status is >= 200 and < 300 && Failure is null;

    /// <summary>Why it failed, without the answer's body: what a log line says.</summary>
    public string Reason => Status == 0 || (Failure is not null && Status is >= 200 and < 300) ? Failure ?? "no answer" : $"answered {Status}";

    /// <summary>The failed delivery as the logs show it among a step's errors.</summary>
    public StepError Error(long now) =>
        new(Failure ?? $"answered {Status}", Status, EmulatorState.Encode(Body) is var (text, base64) ? text ?? base64 : null, EmulatorState.Map(Headers), now);
}

/// <summary>
/// Calls your endpoints as the service does, signed with the emulator's current signing key exactly as Upstash signs
/// (<see cref="UpstashSignatureVerifier.Sign"/>), with the delivery headers; records each call and its answer (a large body
/// as its size and hash). Only loopback and the allowed hosts are ever called, never the emulator itself, and no more than
/// <see cref="UpstashWorkflowEmulatorOptions.MaxDeliveriesPerHost"/> at once per host. Its timers (delays, retries, waits) run
/// on the emulator's clock, by run, so a run that ends stops its own; stopping the emulator stops them all and cancels
/// what is in flight. What is delivered when is the engine's (<see cref="WorkflowEngine"/>).
/// </summary>
internal sealed class DeliverySender(EmulatorState state, UpstashWorkflowEmulatorOptions options, EmulatorLog log, EmulatorFaults? faults = null) : IDisposable
{
    private static readonly JsonSerializerOptions Json = WireJson.Options;

    // Headers a forwarded header may not set: they frame the request, and the service's own delivery headers are set after.
    private static readonly HashSet<string> Framing = new(StringComparer.OrdinalIgnoreCase) { "Host", "Content-Length", "Transfer-Encoding", "Connection", "Content-Type", "User-Agent", "Upgrade", "TE", "Trailer", "Expect" };

    // An idle connection is dropped after a second (a sweep each second: gone within two), before the endpoint's server
    // drops it: Node closes one idle for 5 s, and a delivery sent on a connection as the server closes it is reset
    // unanswered, which fails a run with no retries left. A new loopback connection costs far less than that.
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(1) }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _pending = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    // The timers of each run (and of each failure callback), so one that ends stops its own.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<ITimer, bool>> _timers = new(StringComparer.Ordinal);

    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(30);

    private readonly object _recordLock = new();
    private readonly List<EmulatorDelivery> _delivered = [];
    private int _plainRecorded;
    private long _recorded;

    /// <summary>How many deliveries are kept now (what <see cref="Delivered"/> would copy).</summary>
    public int DeliveredCount
    {
        get
        {
            lock (_recordLock)
            {
                return _delivered.Count;
            }
        }
    }

    /// <summary>How many deliveries were recorded so far (those since dropped included): what a page compares to redraw.</summary>
    public long Recorded
    {
        get
        {
            lock (_recordLock)
            {
                return _recorded;
            }
        }
    }
    private Uri? _self;

    public IReadOnlyList<EmulatorDelivery> Delivered
    {
        get
        {
            lock (_recordLock)
            {
                return [.. _delivered];
            }
        }
    }

    /// <summary>The emulator's own address: never a delivery's target, so no run can call the emulator's API with its token.</summary>
    public void Serving(Uri baseAddress) => _self = baseAddress;

    /// <summary>Whether a delivery to <paramref name="url"/> is made: deliveries on, to loopback or an allowed host, never to the emulator.</summary>
    public bool Allowed(string url) =>
        options.Deliver && Refusal(url) is null && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || options.AllowedDeliveryHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Why <paramref name="url"/> cannot be a run's target at all (no http(s) URL, the emulator's own address); null when it
    /// can. A target that is not called (deliveries off, a host not allowed) is no refusal: the run is kept as the service keeps it.
    /// </summary>
    public string? Refusal(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return $"'{url}' is no absolute http(s) URL";
        }
        if (_self is { } self && uri.IsLoopback && uri.Port == self.Port)
        {
            return $"'{url}' is the emulator's own address: the emulator never calls itself";
        }
        return null;
    }

    /// <summary>Waits until every delivery started so far has been answered and recorded, the ones they lead to included.</summary>
    public async Task IdleAsync()
    {
        while (_pending.Keys.ToList() is { Count: > 0 } pending)
        {
            // A delivery cancelled by a stop, or one that failed, is done all the same.
            await Task.WhenAll(pending).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    /// <summary>Calls a DLQ entry's failure callback once (the <paramref name="retried"/>-th retry) and records its answer in the run's logs; what becomes of it is the engine's.</summary>
    public async Task<DeliveryAnswer> CallBackAsync(DlqEntry entry, int retried)
    {
        var (run, body, messageId) = state.Read(s => (entry.FailedRun, FailureCallbackBody(entry), entry.FailedRun?.FailureFunction?.MessageId));
        var headers = Forwarded(run?.Settings.FailureForwarded);
        headers[Wire.IsFailure] = "true";
        headers[Wire.FailureCallbackDelivery] = "true";
        headers[Wire.RunId] = entry.WorkflowRunId;
        headers[Wire.Retried] = retried.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (messageId is not null)
        {
            headers[Wire.MessageId] = messageId;
        }
        var answer = await SendAsync(EmulatorDelivery.FailureCallback, entry.FailureCallback!, body, "application/json", headers, entry.WorkflowRunId).ConfigureAwait(false);
        state.Change((EmulatorState _) =>
        {
            if (entry.FailedRun?.FailureFunction is { } function)
            {
                var (text, base64) = EmulatorState.Encode(answer.Body);
                entry.FailedRun.FailureFunction = function with { ResponseStatus = answer.Status, ResponseBody = text ?? base64 ?? "", ResponseHeaders = EmulatorState.Map(answer.Headers) ?? [] };
            }
        });
        return answer;
    }

    /// <summary>What the service posts to a failure callback: the spec's model, so the emulator sends what the spec says.</summary>
    private static byte[] FailureCallbackBody(DlqEntry entry) => JsonSerializer.SerializeToUtf8Bytes(new WorkflowFailureCallback
    {
        Status = entry.ResponseStatus,
        Header = entry.ResponseHeader.ToDictionary(h => h.Key, h => (IList<string>)h.Value.ToList()),
        Body = entry.ResponseBodyBytes,
        Retried = entry.MaxRetries,
        MaxRetries = entry.MaxRetries,
        DlqId = entry.DlqId,
        SourceMessageId = entry.FailedRun?.Steps.FirstOrDefault()?.Items.FirstOrDefault()?.MessageId,
        Url = entry.Url is null ? null : new Uri(entry.Url),
        Method = entry.Method,
        SourceHeader = entry.Header.ToDictionary(h => h.Key, h => (IList<string>)h.Value.ToList()),
        SourceBody = entry.FailedRun?.Body ?? [],
        NotBefore = DateTimeOffset.FromUnixTimeMilliseconds(entry.NotBefore),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(entry.CreatedAt),
        CallerIP = entry.CallerIp,
        WorkflowRunId = entry.WorkflowRunId,
        WorkflowCreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(entry.WorkflowCreatedAt),
    }, Json);

    /// <summary>The headers a trigger asked to forward, less those that frame the request; the service's own are set over them.</summary>
    public static Dictionary<string, string> Forwarded(IReadOnlyDictionary<string, string>? forwarded)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in forwarded ?? new Dictionary<string, string>())
        {
            if (!Framing.Contains(name))
            {
                headers[name] = value;
            }
        }
        return headers;
    }

    /// <summary>
    /// Sends one signed delivery and records it. <c>Upstash-Message-Id</c> and <c>Upstash-Retried</c> are kept when
    /// <paramref name="headers"/> has them (a retry is the same message again), else a new message's.
    /// </summary>
    public async Task<DeliveryAnswer> SendAsync(string kind, string url, byte[] body, string? contentType, Dictionary<string, string> headers, string workflowRunId, HttpMethod? method = null)
    {
        var target = new Uri(url);
        headers[Wire.Signature] = UpstashSignatureVerifier.Sign(state.Read(s => s.CurrentKey), body, target, (options.SignatureTimeProvider ?? state.Clock).GetUtcNow());
        headers.TryAdd(Wire.MessageId, EmulatorState.NewId(Wire.MessageIdPrefix));
        headers.TryAdd(Wire.Retried, "0");
        headers[Wire.CallerIp] = "127.0.0.1";
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Headers.UserAgent.ParseAdd(Wire.UserAgent);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : null;
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        var sentAt = state.Clock.GetUtcNow();
        // A fault on demand is recorded as the endpoint's answer; the endpoint is not called.
        var answer = faults?.TakeDelivery(target) is { } failed
            ? new DeliveryAnswer(failed, [], new Dictionary<string, string>(), $"answered {failed} (a fault injected with Faults.FailDeliveries; the endpoint was not called)")
            : await CallAsync(request).ConfigureAwait(false);
        var sent = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase) { ["User-Agent"] = Wire.UserAgent };
        if (contentType is not null)
        {
            sent["Content-Type"] = contentType;
        }
        var kept = body.Length <= options.MaxRecordedBodySize ? body : [];
        var record = new EmulatorDelivery(kind, target, sent, kept, answer.Status, workflowRunId)
        {
            Failure = answer.Failure,
            SentAt = sentAt,
            BodySize = body.Length,
            BodySha256 = Convert.ToHexStringLower(SHA256.HashData(body)),
        };
        lock (_recordLock)
        {
            _delivered.Add(record);
            _recorded++;
            // A plain message's deliveries belong to no run that is ever evicted: past MaxRuns of them, the oldest go.
            if (workflowRunId.Length == 0 && ++_plainRecorded > options.MaxRuns)
            {
                _delivered.RemoveAt(_delivered.FindIndex(d => d.WorkflowRunId.Length == 0));
                _plainRecorded--;
            }
        }
        log.Delivered(kind, workflowRunId, target, answer);
        return answer with { Record = record };
    }

    /// <summary>Sends the delivery and reads the answer, within the delivery timeout, the answer cap and the host's share; why it failed, when it did.</summary>
    private async Task<DeliveryAnswer> CallAsync(HttpRequestMessage request)
    {
        var status = 0;
        var host = _hosts.GetOrAdd(request.RequestUri!.Authority, _ => new SemaphoreSlim(options.MaxDeliveriesPerHost));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        deadline.CancelAfter(options.DeliveryTimeout);
        try
        {
            await host.WaitAsync(_stopping.Token).ConfigureAwait(false);
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
                var values = response.Headers.Concat(response.Content.Headers).ToDictionary(h => Wire.Canonical(h.Key), h => h.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
                var headers = values.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
                var answer = await ReadAtMostAsync(response.Content, options.MaxAnswerSize, deadline.Token).ConfigureAwait(false);
                return new(status, answer, headers, status is >= 200 and < 300 ? null : $"answered {status} {response.ReasonPhrase}: {Excerpt(answer)}") { HeaderValues = values };
            }
            finally
            {
                host.Release();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return new(status, [], new Dictionary<string, string>(), "not answered: the emulator stopped");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return new(status, [], new Dictionary<string, string>(), status == 0
                ? $"no answer within {options.DeliveryTimeout.TotalSeconds:0.#} s"
                : $"answered {status}, but its body did not arrive within {options.DeliveryTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // No whole answer: recorded with status 0 (or the status that came), as a failed delivery.
            return new(status, [], new Dictionary<string, string>(), $"no answer: {(e.InnerException ?? e).Message}");
        }
    }

    /// <summary>The first <paramref name="limit"/> bytes of an answer; what follows is not read.</summary>
    private static async Task<byte[]> ReadAtMostAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var kept = new MemoryStream();
        var buffer = new byte[Math.Min(limit, 16 * 1024)];
        int read;
        while (kept.Length < limit && (read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - kept.Length)), cancellationToken).ConfigureAwait(false)) > 0)
        {
            kept.Write(buffer, 0, read);
        }
        return kept.ToArray();
    }

    private static string Excerpt(byte[] answer)
    {
        var text = System.Text.Encoding.UTF8.GetString(answer, 0, Math.Min(answer.Length, 200));
        return text.Length == 0 ? "(no body)" : text.ReplaceLineEndings(" ");
    }

    /// <summary>
    /// Runs <paramref name="work"/> after <paramref name="delay"/> on the emulator's clock (at once when not positive), as one
    /// of <paramref name="owner"/>'s timers (a run's id). A delivery waiting for its time is not in flight: <see cref="IdleAsync"/>
    /// does not wait for it.
    /// </summary>
    public void Schedule(string owner, TimeSpan delay, Func<Task> work)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }
        if (delay <= TimeSpan.Zero)
        {
            Track(work);
            return;
        }
        // A timer waits at most about 49 days; a longer delay (a year at most) waits in legs.
        var leg = delay > LongestTimer ? LongestTimer : delay;
        if (leg < delay)
        {
            var rest = delay - leg;
            var inner = work;
            work = () =>
            {
                Schedule(owner, rest, inner);
                return Task.CompletedTask;
            };
        }
        var timers = _timers.GetOrAdd(owner, _ => new());
        var holder = new ITimer?[1];
        lock (holder)
        {
            holder[0] = state.Clock.CreateTimer(_ =>
            {
                lock (holder)
                {
                    if (holder[0] is { } timer && timers.TryRemove(timer, out bool _))
                    {
                        timer.Dispose();
                        Track(work);
                    }
                }
            }, null, leg, Timeout.InfiniteTimeSpan);
            timers[holder[0]!] = true;
        }
    }

    /// <summary>Stops <paramref name="owner"/>'s timers: a run that ended delivers nothing more.</summary>
    public void CancelTimers(string owner)
    {
        if (_timers.TryRemove(owner, out var timers))
        {
            foreach (var timer in timers.Keys)
            {
                timer.Dispose();
            }
        }
    }

    /// <summary>Deliveries waiting for their time (sleeps, delays, retries' backoff).</summary>
    public int Waiting => _timers.Values.Sum(t => t.Count);

    public void Track(Func<Task> work)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }
        var task = Task.Run(work);
        _pending[task] = true;
        task.ContinueWith(t => _pending.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Forgets the deliveries of runs that are no longer kept (<see cref="UpstashWorkflowEmulatorOptions.MaxRuns"/>).</summary>
    public void Forget(IReadOnlyCollection<string> runIds)
    {
        if (runIds.Count == 0)
        {
            return;
        }
        lock (_recordLock)
        {
            _delivered.RemoveAll(d => runIds.Contains(d.WorkflowRunId));
        }
    }

    /// <summary>Stops every timer and cancels every delivery in flight; waits for them to end, each in its own way.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var owner in _timers.Keys.ToList())
        {
            CancelTimers(owner);
        }
        await IdleAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        foreach (var owner in _timers.Keys.ToList())
        {
            CancelTimers(owner);
        }
        _http.Dispose();
        _stopping.Dispose();
        foreach (var host in _hosts.Values)
        {
            host.Dispose();
        }
    }
}
