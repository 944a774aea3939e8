using Upstash.Workflow.TestSupport.Emulator;
using Upstash.Workflow.Testing;
using Upstash.Workflow.IntegrationTests.Contract;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Emulator;

/// <summary>
/// The emulator's answers checked against the spec: the session goes through <c>prism proxy --errors</c>
/// on the effective spec, and no request or answer may carry an <c>sl-violations</c> header.
/// </summary>
public sealed class EmulatorContractTests(Reporter reporter) : IClassFixture<Reporter>
{
    [SkippableFact]
    public async Task Every_answer_of_a_session_matches_the_spec()
    {
        var unavailable = PrismProcess.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        using var proxy = await PrismProcess.ProxyAsync(emulator.BaseAddress);
        var checks = new List<(string Request, int Status, string? Violations)>();
        using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions
        {
            BaseAddress = proxy.BaseAddress, Token = emulator.Token, Transport = new Checker(checks) { InnerHandler = new SocketsHttpHandler() },
        });

        await EmulatorSession.RunAsync(client, emulator);

        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.True(c.Violations is null, $"{c.Request} → {c.Status}: {c.Violations}"));
        reporter.Say($"Emulator contract: {checks.Count} answers of the emulator checked by Prism's proxy against the effective spec, {checks.Count(c => c.Violations is not null)} with violations.");
    }

    private sealed class Checker(List<(string, int, string?)> checks) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var violations = response.Headers.TryGetValues("sl-violations", out var v) ? string.Join(" ", v) : null;
            lock (checks)
            {
                checks.Add(($"{request.Method} {request.RequestUri?.AbsolutePath}", (int)response.StatusCode, violations));
            }
            return response;
        }
    }
}
