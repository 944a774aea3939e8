namespace Upstash.Workflow;

/// <summary>
/// A request that did not prove it comes from Upstash (<see cref="UpstashSignatureVerifier"/>). The message says
/// why in words; it never holds a signing key, the token or the body.
/// </summary>
public sealed class UpstashSignatureException : UpstashWorkflowException
{
    /// <summary>A refusal for <paramref name="reason"/>, for fakes in tests as well as for the verifier.</summary>
    /// <param name="reason">Which check failed.</param>
    /// <param name="message">Why, in words (never the token or a key).</param>
    public UpstashSignatureException(UpstashSignatureFailure reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Why the request was refused.</summary>
    public UpstashSignatureFailure Reason { get; }
}
