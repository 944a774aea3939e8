using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Upstash.Workflow.TestSupport.Receiving;

/// <summary>Signature tokens made by hand, for everything <see cref="UpstashSignatureVerifier.Sign"/> would never make.</summary>
public static class TestTokens
{
    public const string Hs256 = """{"alg":"HS256","typ":"JWT"}""";

    /// <summary>A compact JWT of <paramref name="header"/> and <paramref name="payload"/>, signed with HMAC (SHA-256, -384 or -512 by <paramref name="hmac"/>).</summary>
    public static string Make(string header, string payload, string key, string hmac = "HS256")
    {
        var signed = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        var keyBytes = Encoding.UTF8.GetBytes(key);
        var data = Encoding.ASCII.GetBytes(signed);
        var mac = hmac switch
        {
            "HS384" => HMACSHA384.HashData(keyBytes, data),
            "HS512" => HMACSHA512.HashData(keyBytes, data),
            _ => HMACSHA256.HashData(keyBytes, data),
        };
        return signed + "." + Base64Url.EncodeToString(mac);
    }

    /// <summary>A compact JWT of the bytes given (which need not be UTF-8), signed with HS256.</summary>
    public static string MakeFromBytes(byte[] header, byte[] payload, string key)
    {
        var signed = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        return signed + "." + Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(signed)));
    }

    /// <summary>base64url of SHA-256 of <paramref name="body"/>, unpadded.</summary>
    public static string BodyHash(ReadOnlySpan<byte> body) => Base64Url.EncodeToString(SHA256.HashData(body));

    /// <summary>
    /// The claims Upstash sends, relative to <paramref name="now"/>: <c>exp</c> and <c>nbf</c> as offsets in seconds (null leaves
    /// one out), <paramref name="iss"/> as JSON (null leaves it out), <paramref name="extra"/> appended as JSON members.
    /// </summary>
    public static string Claims(DateTimeOffset now, Uri url, string bodyClaim, long? exp = 300, long? nbf = 0, string? iss = "\"Upstash\"", string? extra = null)
    {
        var t = now.ToUnixTimeSeconds();
        var parts = new List<string> { $"\"sub\":\"{url.AbsoluteUri}\"", "\"iat\":" + t, "\"jti\":\"jwt_1\"", $"\"body\":\"{bodyClaim}\"" };
        if (iss is not null)
        {
            parts.Insert(0, "\"iss\":" + iss);
        }
        if (exp is not null)
        {
            parts.Add("\"exp\":" + (t + exp));
        }
        if (nbf is not null)
        {
            parts.Add("\"nbf\":" + (t + nbf));
        }
        if (extra is not null)
        {
            parts.Add(extra);
        }
        return "{" + string.Join(",", parts) + "}";
    }
}
