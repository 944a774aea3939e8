namespace Upstash.Workflow;

/// <summary>
/// The client refused to send a request because of how it is configured: no token, a host the token
/// may not go to, plain http to a remote host. Nothing was sent. The message says how to allow it and
/// never contains the token.
/// </summary>
public sealed class UpstashConfigurationException : UpstashWorkflowException
{
    internal const string NoToken =
        "No Upstash token: set UpstashWorkflowClientOptions.Token or TokenProvider (UpstashWorkflowClient.FromEnvironment and AddUpstashWorkflowClient also read the environment variable QSTASH_TOKEN).";

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What in the configuration is wrong, and how to fix it.</param>
    public UpstashConfigurationException(string message) : base(message) { }
}
