using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Upstash.Workflow.AspNetCore;

/// <summary>
/// Runs before an endpoint's own delegate, so before anything binds the body, in the order that costs a caller who
/// is not Upstash the least: the <c>Upstash-Signature</c> header alone first (format, key, issuer, expiry, URL), and
/// a request it does not prove is answered 401 or 403 at once, its body never read; then the body, at most
/// <see cref="UpstashReceivingOptions.MaxBodySize"/>, into memory, compared with the hash the token names. The
/// endpoint reads the verified bytes in place of the request's stream.
/// </summary>
internal static class UpstashSignatureCheck
{
    private const string RegionHeader = "upstash-region";

    public static RequestDelegate Around(RequestDelegate endpoint) => async context =>
    {
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(UpstashSignatureLog.Category);
        var options = services.GetRequiredService<IOptionsMonitor<UpstashReceivingOptions>>().CurrentValue;
        var request = context.Request;

        var region = request.Headers[RegionHeader].ToString();
        var verifier = services.GetRequiredService<UpstashSignatureVerifiers>().For(region);
        if (verifier is null)
        {
            UpstashSignatureLog.NoKey(logger, request.Method, request.Path, UpstashRegions.TryNormalize(region, out var known) ? known : "none");
            await RefuseAsync(context, UpstashSignatureFailure.InvalidSignature);
            return;
        }
        if (!verifier.TryVerifyToken(request.Headers[UpstashSignatureVerifier.SignatureHeader], UrlToCheck(request, options), out var token, out var error))
        {
            UpstashSignatureLog.Refused(logger, request.Method, request.Path, error.Reason, error.Message);
            await RefuseAsync(context, error.Reason);
            return;
        }

        var body = request.ContentLength > options.MaxBodySize ? null : await ReadAtMostAsync(request, options.MaxBodySize, context.RequestAborted);
        if (body is null)
        {
            UpstashSignatureLog.TooLarge(logger, request.Method, request.Path, options.MaxBodySize);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (!token.TryVerifyBody(body.GetBuffer().AsSpan(0, (int)body.Length), out error))
        {
            UpstashSignatureLog.Refused(logger, request.Method, request.Path, error.Reason, error.Message);
            await RefuseAsync(context, error.Reason);
            return;
        }
        UpstashSignatureLog.Accepted(logger, request.Method, request.Path);

        // The verified bytes: for an endpoint of this package as they are, for any other as the request's stream.
        context.Items[VerifiedBody] = new ArraySegment<byte>(body.GetBuffer(), 0, (int)body.Length);
        var original = request.Body;
        request.Body = body;
        try
        {
            await endpoint(context);
        }
        finally
        {
            request.Body = original;
        }
    };

    /// <summary>Where a verified request keeps its body (<see cref="HttpContext.Items"/>).</summary>
    public static readonly object VerifiedBody = new();

    /// <summary>
    /// 401 without a signature, 403 with one that does not hold. The answer says no more than that; why is in the
    /// log, so a caller probing the endpoint learns nothing of the keys or the checks.
    /// </summary>
    private static Task RefuseAsync(HttpContext context, UpstashSignatureFailure reason)
    {
        var missing = reason == UpstashSignatureFailure.Missing;
        context.Response.StatusCode = missing ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        // The body may still be arriving: close the connection rather than read what nobody will use.
        context.Response.Headers.Connection = "close";
        return context.Response.WriteAsync(missing
            ? $"This endpoint takes only requests signed by Upstash: the {UpstashSignatureVerifier.SignatureHeader} header is missing."
            : $"The {UpstashSignatureVerifier.SignatureHeader} header does not prove this request comes from Upstash.", context.RequestAborted);
    }

    private static Uri? UrlToCheck(HttpRequest request, UpstashReceivingOptions options)
    {
        if (options.PublicBaseUrl is { } publicBase)
        {
            return new Uri(publicBase.AbsoluteUri.TrimEnd('/') + request.PathBase + request.Path + request.QueryString);
        }
        return options.VerifyUrl ? new Uri(request.GetEncodedUrl()) : null;
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> (read no further).</summary>
    private static async Task<MemoryStream?> ReadAtMostAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var body = new MemoryStream(request.ContentLength is { } length ? (int)length : 0);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return null;
                }
                body.Write(buffer, 0, read);
            }
            body.Position = 0;
            return body;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
