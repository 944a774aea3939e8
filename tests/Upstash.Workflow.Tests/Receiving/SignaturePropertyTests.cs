using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Receiving;

namespace Upstash.Workflow.Tests.Receiving;

/// <summary>
/// The verifier under hostile input: malformed tokens made by mutating valid ones (characters, segments, whitespace,
/// and the JSON inside, signed again so the claims are read too). Whatever comes in, the verifier answers true or
/// false and never throws; a token changed in any character after it was signed is never accepted.
/// </summary>
public sealed class SignaturePropertyTests(Reporter reporter) : IClassFixture<Reporter>
{
    private const string Key = "sig_7kPbq3pBSpnxmBJ9XUeC5d1qfWzVH";
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly Uri Url = new("https://shop.example/api/failed");
    private static readonly byte[] Body = "{\"status\":500}"u8.ToArray();

    // Text a mutation puts in a token: the base64url alphabet's neighbours, whitespace, padding, non-ASCII.
    private static readonly string[] Pieces =
    [
        " ", "\t", "\n", "\r\n", "=", "==", "+", "/", ".", ",", "\0", "é", "\u00ff", "\ud800", "\uffff", "%3D", "A", "_", "-", "0",
    ];

    // JSON a mutation puts in a header or payload before signing it again.
    private static readonly string[] JsonPieces =
    [
        "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\"", "\"\\\"\"", "\"a\\qb\"", "1e400", "-0", "NaN", "null", "true", "[]", "{}", "[[[[[[]]]]]]",
        "\"HS256\"", "\"hs256\"", "\"HS256 \"", "\"Upstash\"", "\"Upstash\\u0000\"", "9999999999", "1.5", "\"9999999999\"", "\"\"",
    ];

    private static readonly string[] Members = ["alg", "typ", "crit", "iss", "sub", "exp", "nbf", "iat", "body", "jti", "a\\u006cg", "\\ud800"];

    [Fact]
    public void No_token_makes_the_verifier_throw_and_no_changed_token_is_accepted()
    {
        var verifier = new UpstashSignatureVerifier(new UpstashSignatureVerifierOptions { CurrentSigningKey = Key, TimeProvider = new FakeTimeProvider(Now) });
        var valid = UpstashSignatureVerifier.Sign(Key, Body, Url, Now);
        var header = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(valid.Split('.')[0]));
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(valid.Split('.')[1]));
        var random = new Random(20261206);
        int inputs = 0, accepted = 0, changedAccepted = 0;
        var thrown = new List<string>();

        void Check(string token, bool resigned)
        {
            inputs++;
            try
            {
                var ok = verifier.TryVerify(token, Body, Url, out var error);
                if (ok != (error is null))
                {
                    thrown.Add($"{Show(token)}: returned {ok} with error {error?.Reason}");
                }
                if (ok)
                {
                    accepted++;
                    // Only the JSON mutations, signed again, may be accepted; a token changed after signing never.
                    if (!resigned && token != valid)
                    {
                        changedAccepted++;
                        thrown.Add($"{Show(token)}: changed after signing, accepted");
                    }
                }
            }
            catch (Exception e)
            {
                thrown.Add($"{Show(token)}: {e.GetType().Name}: {e.Message}");
            }
        }

        for (var i = 0; i < 4000; i++)
        {
            Check(MutateText(valid, random), resigned: false);
        }
        for (var i = 0; i < 4000; i++)
        {
            var (h, p) = random.Next(3) == 0 ? (MutateJson(header, random), payload) : (header, MutateJson(payload, random));
            // Raw bytes as well as text: a JSON document need not be valid UTF-8 to reach the reader.
            var headerBytes = Bytes(h, random);
            var payloadBytes = Bytes(p, random);
            Check(TestTokens.MakeFromBytes(headerBytes, payloadBytes, Key), resigned: true);
            Check(TestTokens.MakeFromBytes(headerBytes, payloadBytes, "sig_other"), resigned: false);
        }

        reporter.Say($"Signature property: {inputs} malformed tokens, {accepted} accepted ({changedAccepted} changed after signing), {thrown.Count} thrown.");
        Assert.True(thrown.Count == 0, $"{thrown.Count} of {inputs} broke the contract, e.g.:\n" + string.Join("\n", thrown.Distinct().Take(12)));
    }

    private static string MutateText(string token, Random random)
    {
        var parts = token.Split('.');
        switch (random.Next(8))
        {
            case 0: // replace one character
                var at = random.Next(token.Length);
                return token[..at] + Pieces[random.Next(Pieces.Length)] + token[(at + 1)..];
            case 1: // insert text
                var where = random.Next(token.Length + 1);
                return token[..where] + Pieces[random.Next(Pieces.Length)] + token[where..];
            case 2: // delete a run
                var from = random.Next(token.Length);
                return token.Remove(from, Math.Min(token.Length - from, 1 + random.Next(4)));
            case 3: // whitespace around
                return random.Next(2) == 0 ? token + Pieces[random.Next(5)] : Pieces[random.Next(5)] + token;
            case 4: // segments dropped, doubled or swapped
                var segments = parts.ToList();
                var s = random.Next(segments.Count);
                if (random.Next(2) == 0) { segments.RemoveAt(s); } else { segments.Insert(s, segments[random.Next(segments.Count)]); }
                return string.Join(".", segments);
            case 5: // the signature's last character changed within its unused bits
                var last = parts[2][^1];
                var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
                var index = alphabet.IndexOf(last, StringComparison.Ordinal);
                return parts[0] + "." + parts[1] + "." + parts[2][..^1] + alphabet[(index & ~3) | random.Next(4)];
            case 6: // padding added to a segment
                var p = random.Next(3);
                parts[p] += random.Next(2) == 0 ? "=" : "==";
                return string.Join(".", parts);
            default: // a segment's case flipped
                var c = random.Next(token.Length);
                return token[..c] + (char.IsUpper(token[c]) ? char.ToLowerInvariant(token[c]) : char.ToUpperInvariant(token[c])) + token[(c + 1)..];
        }
    }

    private static string MutateJson(string json, Random random)
    {
        var member = Members[random.Next(Members.Length)];
        var value = JsonPieces[random.Next(JsonPieces.Length)];
        return random.Next(7) switch
        {
            0 => json[..^1] + $",\"{member}\":{value}}}",                 // a member added (a duplicate, often)
            1 => $"{{\"{member}\":{value}," + json[1..],                      // the same, in front
            2 => json + Pieces[random.Next(Pieces.Length)] + (random.Next(2) == 0 ? "{}" : ""), // something after the object
            3 => json[..random.Next(json.Length)],                           // cut short
            4 => $"[{json}]",                                                 // not an object
            5 => json.Replace("\"" + member + "\":", $"\"{member}\":{value},\"x{random.Next(9)}\":", StringComparison.Ordinal), // a value's type changed
            _ => " " + json + "\n",                                           // whitespace around
        };
    }

    /// <summary>UTF-8 of the text, with one byte sometimes made invalid UTF-8 (0xFF, a lone continuation, a cut sequence).</summary>
    private static byte[] Bytes(string json, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        if (bytes.Length == 0 || random.Next(4) != 0)
        {
            return bytes;
        }
        var quote = Array.IndexOf(bytes, (byte)'"', random.Next(bytes.Length));
        bytes[quote < 0 || quote + 1 >= bytes.Length ? random.Next(bytes.Length) : quote + 1] = random.Next(3) switch { 0 => 0xFF, 1 => 0x80, _ => 0xC3 };
        return bytes;
    }

    private static string Show(string token) => token.Length > 120 ? token[..120] + "…" : token;
}
