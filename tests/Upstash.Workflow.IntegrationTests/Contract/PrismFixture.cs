using Upstash.Workflow.IntegrationTests.Support;
using System.Collections.Concurrent;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Upstash.Workflow.IntegrationTests.Contract;

/// <summary>Prism mocking the effective spec (see <see cref="PrismProcess"/>), started once for the contract tests.</summary>
public sealed class PrismFixture : IAsyncLifetime
{
    private readonly IMessageSink _sink;
    private PrismProcess? _prism;

    public PrismFixture(IMessageSink sink) => _sink = sink;

    /// <summary>Why Prism is not running, or null when it is.</summary>
    public string? Unavailable { get; private set; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every answer Prism gave to the client, with the violations it reported.</summary>
    public ConcurrentQueue<PrismExchange> Exchanges { get; } = new();

    public async Task InitializeAsync()
    {
        Unavailable = PrismProcess.Unavailable();
        if (Unavailable is null)
        {
            _prism = await PrismProcess.MockAsync();
            BaseAddress = _prism.BaseAddress;
        }
    }

    public Task DisposeAsync()
    {
        _prism?.Dispose();
        if (Unavailable is null)
        {
            var client = Exchanges.Where(e => e.Authenticated).ToList();
            var anonymous = Exchanges.Count(e => !e.Authenticated);
            var answered = string.Join(",", Exchanges.Where(e => !e.Authenticated).Select(e => e.Status).Distinct());
            _sink.OnMessage(new DiagnosticMessage(
                $"Prism contract: {client.Count} requests from the client validated against the effective spec, {client.Count(e => e.Violations is not null)} with violations" +
                (anonymous == 0 ? "." : $"; {anonymous} deliberately unauthenticated, answered {answered}.")));
        }
        return Task.CompletedTask;
    }

    /// <summary>An HTTP handler to put in front of the client's own: records Prism's verdict on each request.</summary>
    public DelegatingHandler Recorder(HttpMessageHandler inner, bool authenticated = true) => new ViolationRecorder(this, authenticated) { InnerHandler = inner };

    private sealed class ViolationRecorder(PrismFixture fixture, bool authenticated) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join("\n", values) : null;
            fixture.Exchanges.Enqueue(new PrismExchange($"{request.Method} {request.RequestUri?.AbsolutePath}", (int)response.StatusCode, violations, authenticated));
            return response;
        }
    }
}

/// <summary>One request Prism answered: its status, the violations it found (null when none), and whether the client sent credentials.</summary>
public sealed record PrismExchange(string Request, int Status, string? Violations, bool Authenticated);

[CollectionDefinition(Name)]
public sealed class PrismCollection : ICollectionFixture<PrismFixture>
{
    public const string Name = "Prism";
}
