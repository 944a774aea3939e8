using System.Buffers.Text;
using System.Text.Json;

namespace Upstash.Workflow.Receiving;

/// <summary>
/// The parts of an <c>Upstash-Signature</c> token (a compact JWT) the verifier reads: the algorithm of its
/// header and the claims of its payload. Read with <see cref="Utf8JsonReader"/>: each known member once and of
/// its JSON type, anything else skipped.
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
        string? algorithm = null;
        var seen = false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return (UpstashSignatureFailure.Malformed, "its header is not a JSON object");
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
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
            if (seen || reader.TokenType != JsonTokenType.String)
            {
                return (UpstashSignatureFailure.Malformed, "its header has more than one 'alg', or one that is not text");
            }
            seen = true;
            algorithm = reader.ValueTextEquals("HS256"u8) ? "HS256" : reader.GetString();
        }
        return algorithm switch
        {
            "HS256" => null,
            null => (UpstashSignatureFailure.Malformed, "its header names no algorithm"),
            _ => (UpstashSignatureFailure.UnsupportedAlgorithm, $"it is signed with '{Printable(algorithm)}'; Upstash signs with HS256 only"),
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
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name is not ("iss" or "sub" or "body" or "exp" or "nbf"))
            {
                reader.Skip();
                continue;
            }
            if (!seen.Add(name))
            {
                return $"its payload has '{name}' twice";
            }
            if (name is "exp" or "nbf")
            {
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var seconds) || !double.IsFinite(seconds))
                {
                    return $"its claim '{name}' is not a number of seconds";
                }
                if (name == "exp")
                {
                    claims.Expires = seconds;
                }
                else
                {
                    claims.NotBefore = seconds;
                }
                continue;
            }
            if (reader.TokenType != JsonTokenType.String)
            {
                return $"its claim '{name}' is not text";
            }
            switch (name)
            {
                case "iss": claims.Issuer = reader.GetString(); break;
                case "sub": claims.Subject = reader.GetString(); break;
                default: claims.Body = reader.GetString(); break;
            }
        }
        return reader.TokenType == JsonTokenType.EndObject ? null : "its payload is not a JSON object";
    }

    /// <summary>base64url of SHA-256 of <paramref name="body"/>, without padding.</summary>
    public static string BodyHash(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(body, hash);
        return Base64Url.EncodeToString(hash);
    }

    /// <summary>A value from a token, shown in a message: short, printable, never a secret (tokens carry none but the signature).</summary>
    public static string Printable(string value) =>
        value.Length > 40 || value.Any(c => c is < ' ' or > '~') ? "(unprintable or long)" : value;
}
