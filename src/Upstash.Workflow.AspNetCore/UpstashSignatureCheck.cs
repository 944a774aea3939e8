using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Upstash.Workflow.AspNetCore;

/// <summary>
/// Runs before an endpoint's own delegate, so before anything binds the body: reads the raw body (kept for the
/// endpoint to read again), verifies <c>Upstash-Signature</c> over it, and answers 401 (no signature) or 403
/// (a signature that does not prove Upstash sent this body) with the reason, without calling the endpoint.
/// </summary>
internal static class UpstashSignatureCheck
{
    public static RequestDelegate Around(RequestDelegate endpoint) => async context =>
    {
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Upstash.Workflow.AspNetCore.Signature");
        var limit = services.GetRequiredService<IOptions<UpstashReceivingOptions>>().Value.MaxBodySize;
        var request = context.Request;

        request.EnableBuffering();
        using var body = new MemoryStream();
        if (request.ContentLength > limit || !await CopyAtMostAsync(request.Body, body, limit, context.RequestAborted))
        {
            UpstashSignatureLog.TooLarge(logger, request.Method, request.Path, limit);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        request.Body.Position = 0;

        var verifier = services.GetRequiredService<UpstashSignatureVerifiers>().For(request.Headers["upstash-region"].FirstOrDefault());
        if (!verifier.TryVerify(request.Headers[UpstashSignatureVerifier.SignatureHeader], body.GetBuffer().AsSpan(0, (int)body.Length), null, out var error))
        {
            UpstashSignatureLog.Refused(logger, request.Method, request.Path, error.Reason);
            context.Response.StatusCode = error.Reason == UpstashSignatureFailure.Missing ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"{error.Reason}: {error.Message}", context.RequestAborted);
            return;
        }
        UpstashSignatureLog.Accepted(logger, request.Method, request.Path);
        // The verified bytes, for an endpoint of this package to read without reading the body again.
        context.Items[VerifiedBody] = new ArraySegment<byte>(body.GetBuffer(), 0, (int)body.Length);
        await endpoint(context);
    };

    /// <summary>Where a verified request keeps its body (<see cref="HttpContext.Items"/>).</summary>
    public static readonly object VerifiedBody = new();

    private static async Task<bool> CopyAtMostAsync(Stream from, Stream to, long limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (to.Length + read > limit)
                {
                    return false;
                }
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
