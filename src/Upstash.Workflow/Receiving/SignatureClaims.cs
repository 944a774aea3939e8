using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Upstash.Workflow.Receiving;

/// <summary>
/// The parts of an <c>Upstash-Signature</c> token (a compact JWT) the verifier reads: the algorithm of its
/// header and the claims of its payload. Read with <see cref="Utf8JsonReader"/>: each known member once and of
/// its JSON type, anything else skipped, nothing after the object. Text that is not valid UTF-8 or holds a lone
/// surrogate is a refusal, never an exception: the header is read before the signature is checked, so anyone
/// can send it.
/// </summary>
internal ref struct SignatureClaims
{
    public string? Issuer;
    public string? Subject;
    public string? Body;
    public double? Expires;
    public double? NotBefore;

    /// <summary>Null when the header says HS256; otherwise the failure and why.</summary>
    public static (UpstashSignatureFailure, string)? CheckHeader(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var algorithm = Algorithm.None;
        string? other = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return (UpstashSignatureFailure.Malformed, "its header is not a JSON object");
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!TryGetText(ref reader, out _))
            {
                return (UpstashSignatureFailure.Malformed, "its header has a member whose name is not valid text");
            }
            var isAlgorithm = reader.ValueTextEquals("alg"u8);
            if (reader.ValueTextEquals("crit"u8))
            {
                // Extensions the token says must be understood; Upstash uses none, and this verifier knows none.
                return (UpstashSignatureFailure.UnsupportedAlgorithm, "its header names extensions ('crit') this verifier does not implement");
            }
            reader.Read();
            if (!isAlgorithm)
            {
                reader.Skip();
                continue;
            }
            if (algorithm != Algorithm.None || reader.TokenType != JsonTokenType.String)
            {
                return (UpstashSignatureFailure.Malformed, "its header has more than one 'alg', or one that is not text");
            }
            if (!TryGetText(ref reader, out other))
            {
                return (UpstashSignatureFailure.Malformed, "its header's 'alg' is not valid text");
            }
            algorithm = other == "HS256" ? Algorithm.Hs256 : Algorithm.Other;
        }
        if (!IsWholeObject(ref reader, json))
        {
            return (UpstashSignatureFailure.Malformed, "its header is not one JSON object");
        }
        return algorithm switch
        {
            Algorithm.Hs256 => null,
            Algorithm.None => (UpstashSignatureFailure.Malformed, "its header names no algorithm"),
            _ => (UpstashSignatureFailure.UnsupportedAlgorithm, $"it is signed with '{Printable(other)}'; Upstash signs with HS256 only"),
        };
    }

    /// <summary>Reads the payload; a failure message when it is not an object of claims of the right types.</summary>
    public static string? TryRead(ReadOnlySpan<byte> json, out SignatureClaims claims)
    {
        claims = default;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return "its payload is not a JSON object";
        }
        Claim seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!TryGetText(ref reader, out _))
            {
                return "its payload has a member whose name is not valid text";
            }
            var claim = reader.ValueTextEquals("iss"u8) ? Claim.Iss
                : reader.ValueTextEquals("sub"u8) ? Claim.Sub
                : reader.ValueTextEquals("body"u8) ? Claim.Body
                : reader.ValueTextEquals("exp"u8) ? Claim.Exp
                : reader.ValueTextEquals("nbf"u8) ? Claim.Nbf
                : 0;
            reader.Read();
            if (claim == 0)
            {
                reader.Skip();
                continue;
            }
            var name = claim.ToString().ToLowerInvariant();
            if ((seen & claim) != 0)
            {
                return $"its payload has '{name}' twice";
            }
            seen |= claim;
            if (claim is Claim.Exp or Claim.Nbf)
            {
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var seconds) || !double.IsFinite(seconds))
                {
                    return $"its claim '{name}' is not a number of seconds";
                }
                if (claim == Claim.Exp)
                {
                    claims.Expires = seconds;
                }
                else
                {
                    claims.NotBefore = seconds;
                }
                continue;
            }
            if (reader.TokenType != JsonTokenType.String || !TryGetText(ref reader, out var text))
            {
                return $"its claim '{name}' is not text";
            }
            switch (claim)
            {
                case Claim.Iss: claims.Issuer = text; break;
                case Claim.Sub: claims.Subject = text; break;
                default: claims.Body = text; break;
            }
        }
        return IsWholeObject(ref reader, json) ? null : "its payload is not one JSON object";
    }

    /// <summary>base64url of SHA-256 of <paramref name="body"/>, without padding.</summary>
    public static string BodyHash(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(body, hash);
        return Base64Url.EncodeToString(hash);
    }

    /// <summary>A value from a token, shown in a message: short, printable, never a secret (tokens carry none but the signature).</summary>
    public static string Printable(string? value) =>
        value is null || value.Length > 40 || value.Any(c => c is < ' ' or > '~') ? "(unprintable or long)" : value;

    // The object closed, and not a byte after it: a token is one JSON object, so two readers cannot see two tokens.
    private static bool IsWholeObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> json) =>
        reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0 && reader.BytesConsumed == json.Length;

    // GetString and ValueTextEquals throw on invalid UTF-8 and on escaped lone surrogates; either is a malformed
    // token, not an error, so every name and text is checked with this before it is read or compared.
    private static bool TryGetText(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        if (!reader.ValueIsEscaped)
        {
            if (!Utf8.IsValid(reader.ValueSpan))
            {
                return false;
            }
            text = Encoding.UTF8.GetString(reader.ValueSpan);
            return true;
        }
        try
        {
            text = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private enum Algorithm { None, Hs256, Other }

    [Flags]
    private enum Claim { Iss = 1, Sub = 2, Body = 4, Exp = 8, Nbf = 16 }
}
