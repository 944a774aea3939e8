using System.Globalization;

namespace Upstash.Workflow.Testing;

/// <summary>
/// Plain messages: a publish with no workflow run (no <c>Upstash-Workflow-RunId</c>) is delivered as the service
/// delivers any message, signed and retried, and starts nothing itself. It is how a run starts at an endpoint that
/// verifies signatures (the Python SDK's): the endpoint takes the signed message as a first call and triggers its run.
/// </summary>
internal sealed partial class WorkflowEngine
{
    private Accepted Plain(WorkflowMessage message)
    {
        var settings = RunSettings.Read(message.Headers, out var error);
        if (error is not null)
        {
            return Accepted.Refused(400, error);
        }
        if (settings.OverPlan(options) is { } over)
        {
            return Accepted.Refused(RunSettings.OverPlanStatus, over);
        }
        if (sender.Refusal(message.Destination) is { } refused)
        {
            return Accepted.Refused(400, refused);
        }
        var messageId = EmulatorState.NewId(Wire.MessageIdPrefix);
        var delay = Delays.Of(settings, state.Clock.GetUtcNow());
        sender.Schedule(messageId, delay, () => PlainAsync(message, settings, messageId, retried: 0));
        return new Accepted(messageId, false);
    }

    private async Task PlainAsync(WorkflowMessage message, RunSettings settings, string messageId, int retried)
    {
        var headers = DeliverySender.Forwarded(settings.Forwarded);
        headers[Wire.MessageId] = messageId;
        headers[Wire.Retried] = retried.ToString(CultureInfo.InvariantCulture);
        var method = new HttpMethod(message.Header(Wire.Method) ?? "POST");
        var answer = await sender.SendAsync(EmulatorDelivery.Message, message.Destination, message.Body, message.ContentType, headers, "", method).ConfigureAwait(false);
        RetryLater(answer, retried, settings.Retries ?? RunSettings.DefaultRetries, settings.RetryDelay, messageId, () => PlainAsync(message, settings, messageId, retried + 1));
    }
}
