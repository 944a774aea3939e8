using System.Diagnostics.CodeAnalysis;
using Upstash.Workflow.Receiving;

namespace Upstash.Workflow;

/// <summary>
/// An <c>Upstash-Signature</c> whose token holds on its own (<see cref="UpstashSignatureVerifier.TryVerifyToken"/>):
/// signed with the account's key, issued by Upstash, not expired, for the URL when one was checked. What remains is
/// the body: <see cref="TryVerifyBody"/> compares it with the hash the token names.
/// </summary>
public sealed class UpstashSignatureToken
{
    private readonly string _bodyHash;

    internal UpstashSignatureToken(string bodyHash, string? url, double expiresSeconds)
    {
        _bodyHash = bodyHash;
        Url = url;
        ExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Clamp(expiresSeconds * 1000, -62135596800000, 253402300799999));
    }

    /// <summary>The URL the token was signed for (its <c>sub</c> claim); null when it names none.</summary>
    public string? Url { get; }

    /// <summary>When the token expires (<c>exp</c>). Until then it verifies for the same body every time it is sent.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Whether <paramref name="body"/> is the one that was signed (its SHA-256 is the token's <c>body</c> claim).</summary>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="error">A <see cref="UpstashSignatureFailure.WrongBody"/> refusal when it is not; null when it is.</param>
    public bool TryVerifyBody(ReadOnlySpan<byte> body, [NotNullWhen(false)] out UpstashSignatureException? error)
    {
        // The service writes the hash padded, the official receivers compare it without padding.
        error = _bodyHash.AsSpan().TrimEnd('=').SequenceEqual(SignatureClaims.BodyHash(body))
            ? null
            : UpstashSignatureVerifier.Refusal(UpstashSignatureFailure.WrongBody, "the body is not the one that was signed");
        return error is null;
    }
}
