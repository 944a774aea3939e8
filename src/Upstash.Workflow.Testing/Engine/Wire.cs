namespace Upstash.Workflow.Testing;

/// <summary>
/// Every name of the workflow protocol the emulator reads or writes, in one place (as Npgsql keeps every PostgreSQL error
/// code in one file): the headers of messages, deliveries and callbacks, their prefixes, the history's call types, the
/// features an endpoint declares, and the kinds of id the emulator makes. Header names are matched without case.
/// </summary>
internal static class Wire
{
    // What a message published to the service says about its run (a /v2/batch item's headers, lower case there).
    public const string RunId = "Upstash-Workflow-RunId";
    public const string Init = "Upstash-Workflow-Init";
    public const string WorkflowUrl = "Upstash-Workflow-Url";
    public const string CallType = "Upstash-Workflow-CallType";
    public const string Invoke = "Upstash-Workflow-Invoke";
    public const string InvokeCount = "Upstash-Workflow-Invoke-Count";
    public const string TriggeredBySdk = "Upstash-Workflow-Trigger-By-Sdk";
    public const string FeatureSet = "Upstash-Feature-Set";
    public const string Method = "Upstash-Method";
    public const string Callback = "Upstash-Callback";
    public const string CallbackPrefix = "Upstash-Callback-";
    public const string CallStepId = "Upstash-Callback-Forward-Upstash-Workflow-StepId";

    // A run's settings, read as the service reads them.
    public const string Retries = "Upstash-Retries";
    public const string RetryDelay = "Upstash-Retry-Delay";
    public const string Delay = "Upstash-Delay";
    public const string NotBefore = "Upstash-Not-Before";
    public const string Label = "Upstash-Label";
    public const string FlowControlKey = "Upstash-Flow-Control-Key";
    public const string FlowControlValue = "Upstash-Flow-Control-Value";
    public const string FailureCallback = "Upstash-Failure-Callback";
    public const string ForwardPrefix = "Upstash-Forward-";
    public const string FailureForwardPrefix = "Upstash-Failure-Callback-Forward-";

    // What a delivery carries.
    public const string Signature = UpstashSignatureVerifier.SignatureHeader;
    public const string MessageId = "Upstash-Message-Id";
    public const string Retried = "Upstash-Retried";
    public const string CallerIp = "Upstash-Caller-Ip";
    public const string Region = "Upstash-Region";
    public const string CreatedAt = "Upstash-Workflow-CreatedAt";
    public const string SdkVersion = "Upstash-Workflow-Sdk-Version";
    public const string UnknownSdk = "Upstash-Workflow-Unknown-Sdk";
    public const string IsFailure = "Upstash-Workflow-Is-Failure";
    public const string FailureCallbackDelivery = "Upstash-Workflow-Failure-Callback";
    public const string UserAgent = "Upstash-QStash";

    /// <summary>The headers only the service sets on a delivery: a forwarded one of these names is dropped.</summary>
    public static readonly string[] ServiceHeaders = [Signature, MessageId, Retried, CallerIp, UnknownSdk, Region];

    // What an endpoint answers.
    public const string NonRetryableError = "Upstash-NonRetryable-Error";
    public const string ErrorStepName = "Upstash-Error-Step-Name";
    public const string RetryAfter = "Retry-After";

    // The history's call types.
    public const string Step = "step";
    public const string ToCallback = "toCallback";
    public const string FromCallback = "fromCallback";

    // Features an endpoint declares in Upstash-Feature-Set.
    public const string LazyFetch = "LazyFetch";
    public const string DetectTrigger = "WF_DetectTrigger";
    public const string TriggerOnConfig = "WF_TriggerOnConfig";

    // The ids the emulator makes: a prefix, and 128 random bits (never a sequence a page could guess).
    public const string RunIdPrefix = "wfr_";
    public const string MessageIdPrefix = "msg_";

    /// <summary>
    /// A header name as the service (written in Go) hands it on: each letter at the start or after a hyphen upper case,
    /// the others lower (<c>fail-header-foo</c> is <c>Fail-Header-Foo</c>); a name with other than letters, digits and
    /// hyphens unchanged, as Go leaves it.
    /// </summary>
    public static string Canonical(string name)
    {
        if (name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
        {
            return name;
        }
        return string.Create(name.Length, name, static (span, source) =>
        {
            var upper = true;
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = upper ? char.ToUpperInvariant(source[i]) : char.ToLowerInvariant(source[i]);
                upper = source[i] == '-';
            }
        });
    }
}
