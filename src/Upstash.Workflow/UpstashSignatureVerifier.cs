using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Upstash.Workflow.Receiving;

namespace Upstash.Workflow;

/// <summary>
/// Checks that a request to your endpoint (a workflow step, a failure callback) was sent by Upstash: its
/// <c>Upstash-Signature</c> header is a JWT signed with HMAC-SHA256 by the account's current or next signing
/// key, issued by <c>Upstash</c>, not expired, and naming the SHA-256 of the body received (and, when you give
/// it, the URL called). Stricter than the official receivers where they differ: HS256 only, <c>exp</c>
/// required, keys compared in constant time. Thread-safe; make one and keep it.
/// </summary>
public sealed class UpstashSignatureVerifier
{
    /// <summary>The header Upstash signs its requests with.</summary>
    public const string SignatureHeader = "Upstash-Signature";

    // Longer tokens are refused before any work: Upstash's are about 400 characters.
    private const int MaxTokenLength = 8 * 1024;

    private readonly byte[] _current;
    private readonly byte[]? _next;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _time;

    /// <summary>A verifier for the account's signing keys (<c>sig_…</c>).</summary>
    /// <param name="currentSigningKey">The account's current signing key (<c>QSTASH_CURRENT_SIGNING_KEY</c>).</param>
    /// <param name="nextSigningKey">The next one (<c>QSTASH_NEXT_SIGNING_KEY</c>), accepted too so that a rotation breaks nothing.</param>
    public UpstashSignatureVerifier(string currentSigningKey, string? nextSigningKey = null)
        : this(new UpstashSignatureVerifierOptions { CurrentSigningKey = currentSigningKey, NextSigningKey = nextSigningKey })
    {
    }

    /// <summary>A verifier configured by <paramref name="options"/>; a current signing key is required.</summary>
    /// <param name="options">The keys, the clock tolerance and the clock.</param>
    public UpstashSignatureVerifier(UpstashSignatureVerifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.CurrentSigningKey))
        {
            throw new ArgumentException("No current signing key: set CurrentSigningKey (or QSTASH_CURRENT_SIGNING_KEY); the console and client.SigningKeys show it.", nameof(options));
        }
        if (options.ClockTolerance < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ClockTolerance, "ClockTolerance cannot be negative.");
        }
        // The HMAC key is the UTF-8 of the whole key as shown, nothing decoded.
        _current = Encoding.UTF8.GetBytes(options.CurrentSigningKey);
        _next = string.IsNullOrWhiteSpace(options.NextSigningKey) ? null : Encoding.UTF8.GetBytes(options.NextSigningKey);
        _tolerance = options.ClockTolerance;
        _time = options.TimeProvider ?? TimeProvider.System;
    }

    /// <summary>A verifier with the keys of <see cref="UpstashSignatureVerifierOptions.FromEnvironment"/>.</summary>
    /// <param name="requestRegion">The delivery's <c>upstash-region</c> header, which picks the region's keys of a multi-region account; null for the plain ones.</param>
    public static UpstashSignatureVerifier FromEnvironment(string? requestRegion = null) =>
        new(UpstashSignatureVerifierOptions.FromEnvironment(requestRegion));

    /// <summary>Throws <see cref="UpstashSignatureException"/> unless <paramref name="signature"/> proves Upstash sent <paramref name="body"/> (to <paramref name="url"/>, when given).</summary>
    /// <param name="signature">The <c>Upstash-Signature</c> header's value. A request that carried the header twice has it
    /// joined with a comma, as HTTP stacks join repeated headers (ASP.NET Core's <c>StringValues</c> converts so): refused.</param>
    /// <param name="body">The request body exactly as received, before anything parsed it.</param>
    /// <param name="url">The URL Upstash was asked to call, checked against the token's <c>sub</c>; null skips the check.</param>
    public void Verify(string? signature, ReadOnlySpan<byte> body, Uri? url = null)
    {
        if (!TryVerify(signature, body, url, out var error))
        {
            throw error;
        }
    }

    /// <summary>As <see cref="Verify(string?, ReadOnlySpan{byte}, Uri?)"/>, returning the refusal instead of throwing it. Never throws, whatever it is given.</summary>
    /// <param name="signature">The <c>Upstash-Signature</c> header's value, as for <see cref="Verify(string?, ReadOnlySpan{byte}, Uri?)"/>.</param>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="url">The URL Upstash was asked to call; null skips the check.</param>
    /// <param name="error">Why the request is refused; null when it is accepted.</param>
    public bool TryVerify(string? signature, ReadOnlySpan<byte> body, Uri? url, [NotNullWhen(false)] out UpstashSignatureException? error)
    {
        if (!TryVerifyToken(signature, url, out var token, out error))
        {
            return false;
        }
        return token.TryVerifyBody(body, out error);
    }

    /// <summary>
    /// Checks all that the <c>Upstash-Signature</c> header proves on its own, before the body is read: a well-formed
    /// HS256 token signed with the current or next key, issued by <c>Upstash</c>, within <c>exp</c> and <c>nbf</c>,
    /// and for <paramref name="url"/> when given. A request refused here can be answered at once, its body unread;
    /// one accepted still needs <see cref="UpstashSignatureToken.TryVerifyBody"/>. Never throws, whatever it is given.
    /// </summary>
    /// <param name="signature">The <c>Upstash-Signature</c> header's value.</param>
    /// <param name="url">The URL Upstash was asked to call, checked against the token's <c>sub</c>; null skips the check.</param>
    /// <param name="token">The verified token, whose body hash the body must match; null when refused.</param>
    /// <param name="error">Why the request is refused; null when the token holds.</param>
    public bool TryVerifyToken(string? signature, Uri? url, [NotNullWhen(true)] out UpstashSignatureToken? token, [NotNullWhen(false)] out UpstashSignatureException? error)
    {
        token = null;
        error = null;
        var failure = Check(signature, url, ref token);
        if (failure is null && token is not null)
        {
            return true;
        }
        var (reason, why) = failure ?? (UpstashSignatureFailure.Malformed, "the signature could not be read");
        token = null;
        error = Refusal(reason, why);
        return false;
    }

    internal static UpstashSignatureException Refusal(UpstashSignatureFailure reason, string why) =>
        new(reason, $"Not accepted as sent by Upstash: {why}.");

    private (UpstashSignatureFailure, string)? Check(string? token, Uri? url, ref UpstashSignatureToken? verified)
    {
        try
        {
            return CheckToken(token, url, ref verified);
        }
        catch (JsonException)
        {
            // A header or payload that is not JSON at all.
            return (UpstashSignatureFailure.Malformed, "the signature's header or payload is not JSON");
        }
    }

    private (UpstashSignatureFailure, string)? CheckToken(string? token, Uri? url, ref UpstashSignatureToken? verified)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (UpstashSignatureFailure.Missing, $"the request has no {SignatureHeader} header");
        }
        if (token.Contains(',', StringComparison.Ordinal))
        {
            // Two headers joined by a proxy or an HTTP library; a JWT has no comma.
            return (UpstashSignatureFailure.Duplicated, $"the {SignatureHeader} header holds more than one value");
        }
        if (token.Length > MaxTokenLength)
        {
            return (UpstashSignatureFailure.Malformed, "the signature is far longer than any Upstash sends");
        }
        // Only the base64url alphabet and the two dots: no whitespace, padding or other text that a lenient
        // decoder would skip, so one signature has exactly one spelling.
        if (token.AsSpan().ContainsAnyExcept(TokenCharacters))
        {
            return (UpstashSignatureFailure.Malformed, "the signature holds characters outside base64url");
        }
        var first = token.IndexOf('.');
        var second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == token.Length - 1 || token.IndexOf('.', second + 1) >= 0)
        {
            return (UpstashSignatureFailure.Malformed, "the signature is not a JWT of three parts");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(token.Length * 2);
        try
        {
            var header = Decode(token.AsSpan(0, first), buffer.AsSpan(0, token.Length));
            if (header is null)
            {
                return (UpstashSignatureFailure.Malformed, "the signature's header is not base64url");
            }
            if (SignatureClaims.CheckHeader(buffer.AsSpan(0, header.Value)) is { } unsupported)
            {
                return unsupported;
            }

            // The signature first: nothing else in the token is believed before it.
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            // Base64Url refuses a last character with its unused bits set, so a signature has one spelling (a test pins it).
            var given = Decode(token.AsSpan(second + 1), buffer.AsSpan(0, token.Length));
            if (given != HMACSHA256.HashSizeInBytes)
            {
                return (UpstashSignatureFailure.Malformed, "the signature's third part is not an HS256 signature in base64url");
            }
            var signed = buffer.AsSpan(token.Length, second);
            Encoding.ASCII.GetBytes(token.AsSpan(0, second), signed);
            var signature = buffer.AsSpan(0, HMACSHA256.HashSizeInBytes);
            if (!Matches(_current, signed, signature, mac) && (_next is null || !Matches(_next, signed, signature, mac)))
            {
                return (UpstashSignatureFailure.InvalidSignature, "it is signed with neither signing key");
            }

            var payload = Decode(token.AsSpan(first + 1, second - first - 1), buffer.AsSpan(0, token.Length));
            if (payload is null)
            {
                return (UpstashSignatureFailure.Malformed, "the signature's payload is not base64url");
            }
            if (SignatureClaims.TryRead(buffer.AsSpan(0, payload.Value), out var claims) is { } malformed)
            {
                return (UpstashSignatureFailure.Malformed, malformed);
            }
            return CheckClaims(claims, url, ref verified);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private (UpstashSignatureFailure, string)? CheckClaims(SignatureClaims claims, Uri? url, ref UpstashSignatureToken? verified)
    {
        if (claims.Issuer is null)
        {
            return (UpstashSignatureFailure.MissingClaim, "it has no 'iss' claim");
        }
        if (claims.Issuer != "Upstash")
        {
            return (UpstashSignatureFailure.WrongIssuer, $"it was issued by '{SignatureClaims.Printable(claims.Issuer)}', not 'Upstash'");
        }
        if (claims.Expires is not { } expires)
        {
            return (UpstashSignatureFailure.MissingClaim, "it has no 'exp' claim, so it would never expire");
        }
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        var tolerance = _tolerance.TotalSeconds;
        if (now >= expires + tolerance)
        {
            return (UpstashSignatureFailure.Expired, $"it expired at {Instant(expires)}");
        }
        if (claims.NotBefore is { } notBefore && now + tolerance < notBefore)
        {
            return (UpstashSignatureFailure.NotYetValid, $"it is valid from {Instant(notBefore)} only");
        }
        if (claims.Body is null)
        {
            return (UpstashSignatureFailure.MissingClaim, "it has no 'body' claim");
        }
        if (url is not null)
        {
            if (claims.Subject is null)
            {
                return (UpstashSignatureFailure.MissingClaim, "it has no 'sub' claim to check the URL against");
            }
            // Compared as text, as the official receivers do: the URL as given, or in its canonical form.
            if (claims.Subject != url.OriginalString && claims.Subject != url.AbsoluteUri)
            {
                return (UpstashSignatureFailure.WrongUrl, "it was signed for another URL");
            }
        }
        verified = new UpstashSignatureToken(claims.Body, claims.Subject, expires);
        return null;
    }

    /// <summary>
    /// A signature as Upstash makes one, for tests of your endpoints (the emulator signs with it): HS256 with
    /// <paramref name="signingKey"/>, issued by <c>Upstash</c> for <paramref name="url"/>, valid from
    /// <paramref name="issuedAt"/> (now) for <paramref name="lifetime"/> (five minutes), over <paramref name="body"/>.
    /// </summary>
    /// <param name="signingKey">The key to sign with.</param>
    /// <param name="body">The body the token vouches for (its SHA-256 goes in the <c>body</c> claim).</param>
    /// <param name="url">The address it is sent to (the <c>sub</c> claim).</param>
    /// <param name="issuedAt">When it was made; now when null.</param>
    /// <param name="lifetime">How long it holds; five minutes when null.</param>
    public static string Sign(string signingKey, ReadOnlySpan<byte> body, Uri url, DateTimeOffset? issuedAt = null, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signingKey);
        ArgumentNullException.ThrowIfNull(url);
        var issued = (issuedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var payload = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(payload))
        {
            json.WriteStartObject();
            json.WriteString("iss"u8, "Upstash");
            json.WriteString("sub"u8, url.AbsoluteUri);
            json.WriteNumber("exp"u8, issued + (long)(lifetime ?? TimeSpan.FromMinutes(5)).TotalSeconds);
            json.WriteNumber("nbf"u8, issued);
            json.WriteNumber("iat"u8, issued);
            json.WriteString("jti"u8, "jwt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
            // Padded, as the service writes it.
            json.WriteString("body"u8, SignatureClaims.BodyHash(body) + "=");
            json.WriteEndObject();
        }
        var signed = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + Base64Url.EncodeToString(payload.WrittenSpan);   // {"alg":"HS256","typ":"JWT"}
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes(signed), mac);
        return signed + "." + Base64Url.EncodeToString(mac);
    }

    private static bool Matches(byte[] key, ReadOnlySpan<byte> signed, ReadOnlySpan<byte> signature, Span<byte> mac)
    {
        HMACSHA256.HashData(key, signed, mac);
        return CryptographicOperations.FixedTimeEquals(mac, signature);
    }

    /// <summary>Decodes base64url without padding (as JWTs are written, the alphabet checked before) into <paramref name="into"/>: the byte count, or null.</summary>
    private static int? Decode(ReadOnlySpan<char> part, Span<byte> into) =>
        Base64Url.IsValid(part) && Base64Url.TryDecodeFromChars(part, into, out var written) ? written : null;

    private static readonly SearchValues<char> TokenCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    private static string Instant(double seconds) =>
        seconds is > -62135596800 and < 253402300800
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)).ToString("u", System.Globalization.CultureInfo.InvariantCulture)
            : seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
