using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Upstash.Workflow.Testing;

/// <summary>
/// Calls your endpoints as the service does, signed with the emulator's current signing key exactly as Upstash
/// signs (<see cref="UpstashSignatureVerifier.Sign"/>), with the delivery headers; records each call and its answer.
/// Only loopback and the allowed hosts are ever called. Deliveries started by an API call run after its answer, as
/// the service's do; <see cref="IdleAsync"/> waits for them. What is delivered when is the engine's (<see cref="WorkflowEngine"/>).
/// </summary>
internal sealed class DeliverySender(EmulatorState state, UpstashWorkflowEmulatorOptions options, EmulatorFaults? faults = null) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    // Headers a forwarded header may not set: they frame the request, and the service's own delivery headers are set after.
    private static readonly HashSet<string> Framing = new(StringComparer.OrdinalIgnoreCase) { "Host", "Content-Length", "Transfer-Encoding", "Connection", "Content-Type", "User-Agent", "Upgrade", "TE", "Trailer", "Expect" };

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ConcurrentQueue<EmulatorDelivery> _delivered = new();
    private readonly ConcurrentDictionary<Task, bool> _pending = new();
    private readonly ConcurrentDictionary<ITimer, bool> _timers = new();

    public IReadOnlyList<EmulatorDelivery> Delivered => [.. _delivered];

    public bool Allowed(string url) =>
        options.Deliver && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (uri.IsLoopback || options.AllowedDeliveryHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase));

    /// <summary>Waits until every delivery started so far has been answered and recorded.</summary>
    public async Task IdleAsync()
    {
        while (_pending.Keys.ToList() is { Count: > 0 } pending)
        {
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }

    /// <summary>Fails a run (<see cref="EmulatorState.FailRun"/>) and, when its failure callback may be called, calls it and records the answer.</summary>
    public async Task<DlqEntry> FailAsync(string workflowRunId, int status, byte[] body, IReadOnlyDictionary<string, string>? headers, int simulatedCallbackStatus)
    {
        var entry = state.FailRun(workflowRunId, status, body, headers, simulatedCallbackStatus);
        if (entry.FailureCallback is { } url && Allowed(url))
        {
            state.Change((EmulatorState _) => entry.SetCallbackState("CALLBACK_INPROGRESS"));
            await CallBackAsync(entry).ConfigureAwait(false);
        }
        return entry;
    }

    /// <summary>Calls a DLQ entry's failure callback again (the retry operation), after the API answered.</summary>
    public void RetryCallback(DlqEntry entry)
    {
        if (entry.FailureCallback is { } url && Allowed(url))
        {
            Track(() => CallBackAsync(entry));
        }
    }

    /// <summary>Calls a DLQ entry's failure callback once (the <paramref name="retried"/>-th retry) and records its answer; returns its status.</summary>
    public async Task<int> CallBackAsync(DlqEntry entry, int retried = 0)
    {
        var (run, body, messageId) = state.Read(s => (entry.FailedRun, FailureCallbackBody(entry), entry.FailedRun?.FailureFunction?.MessageId));
        var headers = Forwarded(run?.Settings.FailureForwarded);
        headers["Upstash-Workflow-Is-Failure"] = "true";
        headers["Upstash-Workflow-Failure-Callback"] = "true";
        headers["Upstash-Workflow-RunId"] = entry.WorkflowRunId;
        headers["Upstash-Retried"] = retried.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (messageId is not null)
        {
            headers["Upstash-Message-Id"] = messageId;
        }
        var (status, answer, answerHeaders) = await SendAsync(EmulatorDelivery.FailureCallback, entry.FailureCallback!, body, "application/json", headers, entry.WorkflowRunId).ConfigureAwait(false);
        state.RecordCallback(entry, status, answer, answerHeaders);
        return status;
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
    public async Task<(int Status, byte[] Body, IReadOnlyDictionary<string, string> Headers)> SendAsync(
        string kind, string url, byte[] body, string? contentType, Dictionary<string, string> headers, string workflowRunId, HttpMethod? method = null, bool signed = true)
    {
        var target = new Uri(url);
        if (signed)
        {
            headers[UpstashSignatureVerifier.SignatureHeader] = UpstashSignatureVerifier.Sign(state.Read(s => s.CurrentKey), body, target, state.Clock.GetUtcNow());
        }
        headers.TryAdd("Upstash-Message-Id", state.NextId("msg_emu_"));
        headers.TryAdd("Upstash-Retried", "0");
        headers["Upstash-Caller-Ip"] = "127.0.0.1";
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Headers.UserAgent.ParseAdd("Upstash-QStash");
        request.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : null;
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        // A fault on demand is recorded as the endpoint's answer; the endpoint is not called.
        var (status, answer, answerHeaders, failure) = faults?.TakeDelivery(target) is { } failed
            ? (failed, [], new Dictionary<string, string>(), $"answered {failed} (a fault injected with Faults.FailDeliveries; the endpoint was not called)")
            : await CallAsync(request).ConfigureAwait(false);
        var sent = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase) { ["User-Agent"] = "Upstash-QStash" };
        if (contentType is not null)
        {
            sent["Content-Type"] = contentType;
        }
        _delivered.Enqueue(new EmulatorDelivery(kind, target, sent, body, status, workflowRunId) { Failure = failure });
        return (status, answer, answerHeaders);
    }

    /// <summary>Sends the delivery and reads the answer, within the delivery timeout and the answer cap; why it failed, when it did.</summary>
    private async Task<(int Status, byte[] Answer, IReadOnlyDictionary<string, string> Headers, string? Failure)> CallAsync(HttpRequestMessage request)
    {
        var status = 0;
        using var deadline = new CancellationTokenSource(options.DeliveryTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            var answer = await ReadAtMostAsync(response.Content, options.MaxAnswerSize, deadline.Token).ConfigureAwait(false);
            return (status, answer, headers, status is >= 200 and < 300 ? null : $"answered {status} {response.ReasonPhrase}: {Excerpt(answer)}");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return (status, [], new Dictionary<string, string>(), status == 0
                ? $"no answer within {options.DeliveryTimeout.TotalSeconds:0.#} s"
                : $"answered {status}, but its body did not arrive within {options.DeliveryTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // No whole answer: recorded with status 0 (or the status that came), as a failed delivery.
            return (status, [], new Dictionary<string, string>(), $"no answer: {(e.InnerException ?? e).Message}");
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
    /// Runs <paramref name="work"/> after <paramref name="delay"/> on the emulator's clock (at once when not positive).
    /// A delivery waiting for its time is not in flight: <see cref="IdleAsync"/> does not wait for it.
    /// </summary>
    public void Schedule(TimeSpan delay, Func<Task> work)
    {
        if (delay <= TimeSpan.Zero)
        {
            Track(work);
            return;
        }
        var holder = new ITimer?[1];
        lock (holder)
        {
            holder[0] = state.Clock.CreateTimer(_ =>
            {
                lock (holder)
                {
                    if (holder[0] is { } timer && _timers.TryRemove(timer, out bool _))
                    {
                        timer.Dispose();
                        Track(work);
                    }
                }
            }, null, delay, Timeout.InfiniteTimeSpan);
            _timers[holder[0]!] = true;
        }
    }

    /// <summary>Deliveries waiting for their time (sleeps, delays, retries' backoff).</summary>
    public int Waiting => _timers.Count;

    public void Track(Func<Task> work)
    {
        var task = Task.Run(work);
        _pending[task] = true;
        task.ContinueWith(t => _pending.TryRemove(t, out _), TaskScheduler.Default);
    }

    public void Dispose()
    {
        foreach (var timer in _timers.Keys)
        {
            timer.Dispose();
        }
        _timers.Clear();
        _http.Dispose();
    }
}
