using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;
using Upstash.Workflow.TestSupport.Receiving;

namespace Upstash.Workflow.IntegrationTests.Receiving;

/// <summary>
/// The .NET verifier against the official receiver (@upstash/qstash's Receiver, pinned in tests/receiver): the same
/// tokens, bodies and keys to both, over the edge cases of the format; tokens jose signs (as the receiver's own tests
/// sign them) verified in .NET. The verdicts must agree except where .NET is stricter on purpose, each such case
/// listed below with its reason. Prints "Signature cross-check: N cases, M agree, K stricter on purpose, 0 disagree".
/// </summary>
public sealed class SignatureCrossCheckTests(Reporter reporter) : IClassFixture<Reporter>
{
    private static readonly NodeTool Node = OfficialReceiver.Node;

    private const string Current = "sig_7kPbq3pBSpnxmBJ9XUeC5d1qfWzV";
    private const string Next = "sig_5ZB6DVzB1wjE8S6rZ7eenA8Pdnhs";
    private static readonly Uri Url = new("https://shop.example/api/failed");

    /// <summary>Where .NET refuses what the official receiver accepts, and why.</summary>
    private static readonly Dictionary<string, string> StricterOnPurpose = new()
    {
        ["HS512"] = "Upstash signs with HS256 only; accepting other algorithms widens what a forger may try",
        ["HS384"] = "Upstash signs with HS256 only",
        ["no exp"] = "a token that never expires could be replayed forever; Upstash always sends exp",
        ["jose: HS512"] = "Upstash signs with HS256 only",
        ["jose: no exp"] = "a token that never expires could be replayed forever",
    };

    private sealed record Case(string Name, string Token, byte[] Body, Uri? Url = null, int? ClockTolerance = null);

    private static IEnumerable<Case> Cases(DateTimeOffset now)
    {
        var body = """{"status":500,"dlqId":"1725323658779-0"}"""u8.ToArray();
        var hash = TestTokens.BodyHash(body);
        string Claims(long? exp = 300, long? nbf = 0, string? iss = "\"Upstash\"", string? bodyClaim = null, string? extra = null, Uri? sub = null) =>
            TestTokens.Claims(now, sub ?? Url, bodyClaim ?? hash, exp, nbf, iss, extra);
        string Token(string payload, string key = Current, string header = TestTokens.Hs256, string hmac = "HS256") => TestTokens.Make(header, payload, key, hmac);
        var valid = UpstashSignatureVerifier.Sign(Current, body, Url, now);

        yield return new("valid, current key", valid, body);
        yield return new("valid, next key only", UpstashSignatureVerifier.Sign(Next, body, Url, now), body);
        yield return new("key rotated out", UpstashSignatureVerifier.Sign("sig_rotated_out_2BSpnxmBJ9XUeC5", body, Url, now), body);
        yield return new("wrong key", Token(Claims(), "sig_guessed"), body);
        yield return new("expired", Token(Claims(exp: -60)), body);
        yield return new("not yet valid", Token(Claims(nbf: 60)), body);
        yield return new("expired, within tolerance", Token(Claims(exp: -5)), body, ClockTolerance: 30);
        yield return new("not yet valid, within tolerance", Token(Claims(nbf: 5)), body, ClockTolerance: 30);
        yield return new("expired, beyond tolerance", Token(Claims(exp: -60)), body, ClockTolerance: 30);
        yield return new("tampered body", valid, """{"status":200,"dlqId":"1725323658779-0"}"""u8.ToArray());
        yield return new("tampered signature", valid[..^2] + (valid[^2] == 'A' ? "B" : "A") + valid[^1], body);
        yield return new("body claim padded", Token(Claims(bodyClaim: hash + "=")), body);
        yield return new("body claim unpadded", Token(Claims(bodyClaim: hash)), body);
        var (plusBody, plusHash) = BodyWhoseHashHasPlusOrSlash();
        yield return new("body claim in standard base64", Token(Claims(bodyClaim: Convert.ToBase64String(SHA256.HashData(plusBody)))), plusBody);
        yield return new("body claim of the same body, base64url", Token(Claims(bodyClaim: plusHash)), plusBody);
        yield return new("empty body", UpstashSignatureVerifier.Sign(Current, [], Url, now), []);
        var unicode = Encoding.UTF8.GetBytes("""{"name":"Zoë 日本 😀"}""");
        yield return new("non-ASCII body", UpstashSignatureVerifier.Sign(Current, unicode, Url, now), unicode);
        var large = Encoding.UTF8.GetBytes(new string('x', 100_000));
        yield return new("100 KB body", UpstashSignatureVerifier.Sign(Current, large, Url, now), large);
        yield return new("issuer in lower case", Token(Claims(iss: "\"upstash\"")), body);
        yield return new("no issuer", Token(Claims(iss: null)), body);
        yield return new("URL matches sub", valid, body, Url);
        yield return new("URL differs from sub", valid, body, new Uri("https://shop.example/api/other"));
        yield return new("URL not given, sub elsewhere", Token(Claims(sub: new Uri("https://elsewhere.example/x"))), body);
        yield return new("alg none, unsigned", string.Join('.', Token(Claims(), header: """{"alg":"none"}""").Split('.')[..2]) + ".", body);
        yield return new("alg none, signed anyway", Token(Claims(), header: """{"alg":"none","typ":"JWT"}"""), body);
        yield return new("HS512", Token(Claims(), header: """{"alg":"HS512","typ":"JWT"}""", hmac: "HS512"), body);
        yield return new("HS384", Token(Claims(), header: """{"alg":"HS384","typ":"JWT"}""", hmac: "HS384"), body);
        yield return new("header says HS512, signed HS256", Token(Claims(), header: """{"alg":"HS512","typ":"JWT"}"""), body);
        yield return new("no exp", Token(Claims(exp: null)), body);
        yield return new("exp as a string", Token(Claims(exp: null, extra: $"\"exp\":\"{now.ToUnixTimeSeconds() + 300}\"")), body);
        yield return new("exp with a fraction", Token(Claims(exp: null, extra: $"\"exp\":{now.ToUnixTimeSeconds() + 300}.5")), body);
        yield return new("no nbf", Token(Claims(nbf: null)), body);
        yield return new("aud empty, as the SDKs' tests send", Token(Claims(extra: "\"aud\":\"\"")), body);
        yield return new("no typ", Token(Claims(), header: """{"alg":"HS256"}"""), body);
        yield return new("crit header", Token(Claims(), header: """{"alg":"HS256","typ":"JWT","crit":["exp"],"exp":1}"""), body);
        yield return new("no body claim", TestTokens.Make(TestTokens.Hs256, Claims().Replace($",\"body\":\"{hash}\"", "", StringComparison.Ordinal), Current), body);
        yield return new("payload not JSON", Token("not json"), body);
        yield return new("garbage", "garbage", body);
        yield return new("empty header value", "", body);
        yield return new("four parts", valid + ".x", body);
        yield return new("header sent twice, joined", valid + ", " + valid, body);
        yield return new("white space around", " " + valid + " ", body);
    }

    /// <summary>A body whose SHA-256 in standard base64 has '+' or '/', so base64 and base64url differ.</summary>
    private static (byte[] Body, string Hash) BodyWhoseHashHasPlusOrSlash()
    {
        for (var i = 0; ; i++)
        {
            var body = Encoding.UTF8.GetBytes($"{{\"n\":{i}}}");
            var standard = Convert.ToBase64String(SHA256.HashData(body));
            if (standard.Contains('+') || standard.Contains('/'))
            {
                return (body, TestTokens.BodyHash(body));
            }
        }
    }

    [SkippableFact]
    public async Task Verdicts_agree_with_the_official_receiver()
    {
        var unavailable = Node.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        var now = DateTimeOffset.UtcNow;
        var cases = Cases(now).ToList();
        var joseBody = """{"status":500}"""u8.ToArray();
        var joseTokens = new (string Name, string Alg, string Key, bool OmitExp)[]
        {
            ("jose: HS256, current key", "HS256", Current, false),
            ("jose: HS256, next key", "HS256", Next, false),
            ("jose: HS256, wrong key", "HS256", "sig_guessed", false),
            ("jose: HS512", "HS512", Current, false),
            ("jose: no exp", "HS256", Current, true),
        };
        using var dir = new TempDirectory();
        var input = dir.File("input.json");
        await File.WriteAllTextAsync(input, new JsonObject
        {
            ["keys"] = new JsonObject { ["current"] = Current, ["next"] = Next },
            ["cases"] = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name, ["token"] = c.Token, ["body"] = Convert.ToBase64String(c.Body), ["url"] = c.Url?.AbsoluteUri, ["clockTolerance"] = c.ClockTolerance,
            })]),
            ["joseTokens"] = new JsonArray([.. joseTokens.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name, ["body"] = Convert.ToBase64String(joseBody), ["url"] = Url.AbsoluteUri, ["alg"] = t.Alg, ["key"] = t.Key, ["omitExp"] = t.OmitExp,
            })]),
        }.ToJsonString(), TestContext.Token);

        var (exit, output) = await OfficialReceiver.CrossCheckAsync(input);
        Assert.True(exit == 0, output);
        var result = JsonNode.Parse(output)!;
        var node = result["verdicts"]!.AsArray().ToDictionary(v => (string)v!["name"]!, v => ((bool)v!["ok"]!, (string?)v["error"]));

        // Tokens jose made: Node's verdict comes from verifying them too.
        var madeByJose = result["joseTokens"]!.AsArray().Select(t => new Case((string)t!["name"]!, (string)t["token"]!, joseBody)).ToList();
        var (exitAgain, outputAgain) = await VerifyInNodeAsync(dir, madeByJose);
        Assert.True(exitAgain == 0, outputAgain);
        foreach (var v in JsonNode.Parse(outputAgain)!["verdicts"]!.AsArray())
        {
            node[(string)v!["name"]!] = ((bool)v["ok"]!, (string?)v["error"]);
        }

        var rows = new List<string>();
        var (agree, stricter) = (0, 0);
        var disagreements = new List<string>();
        foreach (var c in cases.Concat(madeByJose))
        {
            var verifier = new UpstashSignatureVerifier(new UpstashSignatureVerifierOptions { CurrentSigningKey = Current, NextSigningKey = Next, ClockTolerance = TimeSpan.FromSeconds(c.ClockTolerance ?? 0) });
            var ours = verifier.TryVerify(c.Token, c.Body, c.Url, out var refusal);
            var (theirs, why) = node[c.Name];
            rows.Add($"  {c.Name}: .NET {(ours ? "accepts" : $"refuses ({refusal!.Reason})")}, official {(theirs ? "accepts" : "refuses")}");
            if (ours == theirs)
            {
                agree++;
                Assert.False(StricterOnPurpose.ContainsKey(c.Name), $"{c.Name} is listed as stricter on purpose, but both {(ours ? "accept" : "refuse")} it");
            }
            else if (!ours && StricterOnPurpose.ContainsKey(c.Name))
            {
                stricter++;
            }
            else
            {
                disagreements.Add($"{c.Name}: .NET {(ours ? "accepts" : $"refuses ({refusal!.Message})")}, the official receiver {(theirs ? "accepts" : $"refuses ({why})")}");
            }
        }

        reporter.Say($"Signature cross-check: {cases.Count + madeByJose.Count} cases, {agree} agree, {stricter} stricter on purpose, {disagreements.Count} disagree.");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements) + "\n\n" + string.Join("\n", rows));
        Assert.Equal(StricterOnPurpose.Count, stricter);
        Assert.True(cases.Count + madeByJose.Count >= 30);
    }

    private static async Task<(int, string)> VerifyInNodeAsync(TempDirectory dir, IReadOnlyList<Case> cases)
    {
        var input = dir.File("jose.json");
        await File.WriteAllTextAsync(input, new JsonObject
        {
            ["keys"] = new JsonObject { ["current"] = Current, ["next"] = Next },
            ["cases"] = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["token"] = c.Token, ["body"] = Convert.ToBase64String(c.Body) })]),
            ["joseTokens"] = new JsonArray(),
        }.ToJsonString(), TestContext.Token);
        return await OfficialReceiver.CrossCheckAsync(input);
    }
}
