using Upstash.Workflow.TestSupport.Emulator;
using System.Text.Json.Nodes;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.Testing.Tests.Support;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// The emulator answers as fully as the spec's answer schemas: over a session touching every group, every
/// property the effective spec declares for an answer appears in some answer, and every answer's body is
/// there exactly when the spec declares one.
/// </summary>
public sealed class EmulatorCoverageTests(Reporter reporter) : IClassFixture<Reporter>
{
    [Fact]
    public async Task Every_answer_property_of_the_spec_appears_in_a_session()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        var answers = new List<(string Method, string Path, int Status, string Body)>();
        var options = emulator.ClientOptions();
        options.Transport = new Recorder(answers) { InnerHandler = new SocketsHttpHandler() };
        using var client = new UpstashWorkflowClient(options);

        await EmulatorSession.RunAsync(client, emulator);

        var coverage = new AnswerCoverage(JsonNode.Parse(await File.ReadAllTextAsync(Repository.CommittedEffectiveSpec))!);
        var wrong = answers.Select(a => coverage.See(a.Method, a.Path, a.Status, a.Body)).OfType<string>().ToList();
        var missing = coverage.Declared.Except(coverage.Seen).ToList();
        reporter.Say($"Emulator coverage: {coverage.Seen.Count} of {coverage.Declared.Count} answer properties seen, over {answers.Count} answers " +
            $"({wrong.Count} with a body other than the spec declares).");
        Assert.Empty(wrong);
        Assert.Empty(missing);
    }

    /// <summary>Keeps each answer's body (buffered, so the client still reads it).</summary>
    private sealed class Recorder(List<(string, string, int, string)> answers) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            answers.Add((request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode, body));
            return response;
        }
    }
}
