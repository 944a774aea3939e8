using Microsoft.Extensions.Logging;

namespace Upstash.Workflow.AspNetCore;

/// <summary>What the signature check logs: the path and why, never the token, a key or the body.</summary>
internal static partial class UpstashSignatureLog
{
    /// <summary>The category every line of the receiving side is logged under.</summary>
    public const string Category = "Upstash.Workflow.AspNetCore.Signature";

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused {Method} {Path}: not signed by Upstash ({Reason}). {Detail}")]
    public static partial void Refused(ILogger logger, string method, string path, UpstashSignatureFailure reason, string detail);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Accepted {Method} {Path}: signed by Upstash.")]
    public static partial void Accepted(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Refused {Method} {Path}: its body is larger than the {Limit} bytes a signed request may have here.")]
    public static partial void TooLarge(ILogger logger, string method, string path, long limit);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Refused {Method} {Path}: no signing key is configured for requests from region '{Region}'; set the region's QSTASH_CURRENT_SIGNING_KEY.")]
    public static partial void NoKey(ILogger logger, string method, string path, string region);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Refused {Method} {Path}: signed by Upstash, but {Problem}.")]
    public static partial void NotACallback(ILogger logger, string method, string path, string problem);
}
