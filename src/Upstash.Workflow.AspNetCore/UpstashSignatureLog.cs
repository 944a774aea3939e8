using Microsoft.Extensions.Logging;

namespace Upstash.Workflow.AspNetCore;

/// <summary>What the signature check logs: the path and the reason, never the token, a key or the body.</summary>
internal static partial class UpstashSignatureLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused {Method} {Path}: not signed by Upstash ({Reason}).")]
    public static partial void Refused(ILogger logger, string method, string path, UpstashSignatureFailure reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Accepted {Method} {Path}: signed by Upstash.")]
    public static partial void Accepted(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Refused {Method} {Path}: its body is larger than the {Limit} bytes a signed request may have here.")]
    public static partial void TooLarge(ILogger logger, string method, string path, long limit);
}
