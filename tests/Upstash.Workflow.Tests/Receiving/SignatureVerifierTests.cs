using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Upstash.Workflow.TestSupport.Receiving;

namespace Upstash.Workflow.Tests.Receiving;

/// <summary>What the verifier accepts and refuses, and why (tokens made by hand for everything Sign would not make).</summary>
public sealed class SignatureVerifierTests
{
    private const string Current = "sig_7kPbq3pBSpnxmBJ9XUeC5d1qfWzVH";
    private const string Next = "sig_5ZB6DVzB1wjE8S6rZ7eenA8Pdnhs";
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly Uri Url = new("https://shop.example/api/failed");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"status":500,"dlqId":"1725323658779-0"}""");

    private static UpstashSignatureVerifier Verifier(TimeSpan tolerance = default, string? next = Next) =>
        new(new UpstashSignatureVerifierOptions { CurrentSigningKey = Current, NextSigningKey = next, ClockTolerance = tolerance, TimeProvider = new FakeTimeProvider(Now) });

    private static string Token(string header, string payload, string key = Current) => TestTokens.Make(header, payload, key);

    private static string Claims(string? body = null, long? exp = 300, long? nbf = 0, string iss = "\"Upstash\"", string? extra = null) =>
        TestTokens.Claims(Now, Url, body ?? TestTokens.BodyHash(Body), exp, nbf, iss == "null" ? null : iss, extra);

    private const string Hs256 = TestTokens.Hs256;

    [Fact]
    public void A_signature_Sign_makes_verifies_with_the_current_or_the_next_key()
    {
        Verifier().Verify(UpstashSignatureVerifier.Sign(Current, Body, Url, Now), Body, Url);
        Verifier().Verify(UpstashSignatureVerifier.Sign(Next, Body, Url, Now), Body, Url);
        Verifier().Verify(UpstashSignatureVerifier.Sign(Current, Body, Url, Now), Body);
        Verifier().Verify(UpstashSignatureVerifier.Sign(Current, [], Url, Now), []);
    }

    public static TheoryData<string, string, UpstashSignatureFailure> Refused => new()
    {
        { "no header", "", UpstashSignatureFailure.Missing },
        { "two headers joined", UpstashSignatureVerifier.Sign(Current, Body, Url, Now) + ", " + UpstashSignatureVerifier.Sign(Current, Body, Url, Now), UpstashSignatureFailure.Duplicated },
        { "garbage", "not a token", UpstashSignatureFailure.Malformed },
        { "four parts", UpstashSignatureVerifier.Sign(Current, Body, Url, Now) + ".x", UpstashSignatureFailure.Malformed },
        { "alg none", Token("""{"alg":"none"}""", Claims()).Split('.')[0] + "." + Token("""{"alg":"none"}""", Claims()).Split('.')[1] + ".", UpstashSignatureFailure.Malformed },
        { "alg none, signed", Token("""{"alg":"none"}""", Claims()), UpstashSignatureFailure.UnsupportedAlgorithm },
        { "HS512", Token("""{"alg":"HS512","typ":"JWT"}""", Claims()), UpstashSignatureFailure.UnsupportedAlgorithm },
        { "alg twice", Token("""{"alg":"HS256","alg":"none"}""", Claims()), UpstashSignatureFailure.Malformed },
        { "wrong key", Token(Hs256, Claims(), "sig_other"), UpstashSignatureFailure.InvalidSignature },
        { "payload changed after signing", Token(Hs256, Claims()).Split('.')[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Claims(exp: 9999))) + "." + Token(Hs256, Claims()).Split('.')[2], UpstashSignatureFailure.InvalidSignature },
        { "expired", Token(Hs256, Claims(exp: -1)), UpstashSignatureFailure.Expired },
        { "exp is now", Token(Hs256, Claims(exp: 0)), UpstashSignatureFailure.Expired },
        { "not yet valid", Token(Hs256, Claims(nbf: 5)), UpstashSignatureFailure.NotYetValid },
        { "no exp", Token(Hs256, Claims(exp: null)), UpstashSignatureFailure.MissingClaim },
        { "exp as text", Token(Hs256, Claims(exp: null, extra: "\"exp\":\"9999999999\"")), UpstashSignatureFailure.Malformed },
        { "exp twice", Token(Hs256, Claims(extra: "\"exp\":1")), UpstashSignatureFailure.Malformed },
        { "issuer in lower case", Token(Hs256, Claims(iss: "\"upstash\"")), UpstashSignatureFailure.WrongIssuer },
        { "no issuer", Token(Hs256, Claims(iss: "null")), UpstashSignatureFailure.MissingClaim },
        { "body of another request", Token(Hs256, Claims(body: Base64Url.EncodeToString(SHA256.HashData("{}"u8)))), UpstashSignatureFailure.WrongBody },
        { "body claim in standard base64", Token(Hs256, Claims(body: Convert.ToBase64String(SHA256.HashData(Body)).Replace('_', '/').Replace('-', '+') + "+")), UpstashSignatureFailure.WrongBody },
        { "payload not an object", Token(Hs256, "[1]"), UpstashSignatureFailure.Malformed },
        { "payload not JSON", Token(Hs256, "not json"), UpstashSignatureFailure.Malformed },
        { "header not JSON", Token("{alg:HS256", Claims()), UpstashSignatureFailure.Malformed },
        // Hostile input that once threw, or verified though changed after signing.
        { "alg an escaped lone surrogate", Token("""{"alg":"\ud800"}""", Claims()), UpstashSignatureFailure.Malformed },
        { "alg with a raw 0xFF byte", TestTokens.MakeFromBytes([.. "{\"alg\":\"HS\u00ff\"}"u8[..^3], 0xFF, .. "\"}"u8], Encoding.UTF8.GetBytes(Claims()), Current), UpstashSignatureFailure.Malformed },
        { "a member name an escaped lone surrogate", Token("""{"\ud800":1,"alg":"HS256"}""", Claims()), UpstashSignatureFailure.Malformed },
        { "iss an escaped lone surrogate, signed", Token(Hs256, Claims(iss: "\"\\udfff\"")), UpstashSignatureFailure.Malformed },
        { "iss with invalid UTF-8, signed", TestTokens.MakeFromBytes(Encoding.UTF8.GetBytes(Hs256), Encoding.UTF8.GetBytes(Claims(iss: "\"\u00ffpstash\"")).Select(b => b == 0xC3 ? (byte)0xFF : b).ToArray(), Current), UpstashSignatureFailure.Malformed },
        { "a trailing space", UpstashSignatureVerifier.Sign(Current, Body, Url, Now) + " ", UpstashSignatureFailure.Malformed },
        { "a space inside the signature", UpstashSignatureVerifier.Sign(Current, Body, Url, Now).Insert(UpstashSignatureVerifier.Sign(Current, Body, Url, Now).Length - 10, " "), UpstashSignatureFailure.Malformed },
        { "the signature's unused bits set", Recode(UpstashSignatureVerifier.Sign(Current, Body, Url, Now)), UpstashSignatureFailure.Malformed },
        { "padding on the signature", UpstashSignatureVerifier.Sign(Current, Body, Url, Now) + "=", UpstashSignatureFailure.Malformed },
        { "bytes after the header object", Token(Hs256 + "{}", Claims()), UpstashSignatureFailure.Malformed },
        { "bytes after the payload object", Token(Hs256, Claims() + " x"), UpstashSignatureFailure.Malformed },
        { "a second payload object", Token(Hs256, Claims() + Claims()), UpstashSignatureFailure.Malformed },
    };

    // The same 32 bytes spelled with the last character's two unused bits set: a lenient decoder reads the same signature.
    private static string Recode(string token)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = alphabet.IndexOf(token[^1], StringComparison.Ordinal);
        return token[..^1] + alphabet[(last & ~3) | ((last & 3) ^ 3)];
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refused_with_the_reason(string @case, string token, UpstashSignatureFailure reason)
    {
        var error = Assert.Throws<UpstashSignatureException>(() => Verifier().Verify(token, Body, Url));

        Assert.True(reason == error.Reason, $"{@case}: {error.Reason}, {error.Message}");
        Assert.False(Verifier().TryVerify(token, Body, Url, out var returned));
        Assert.Equal(reason, returned.Reason);
        Assert.DoesNotContain(Current, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Encoding.UTF8.GetString(Body), error.ToString(), StringComparison.Ordinal);
        Assert.IsAssignableFrom<UpstashWorkflowException>(error);
    }

    [Fact]
    public void Padded_and_unpadded_body_claims_are_the_same()
    {
        var hash = Base64Url.EncodeToString(SHA256.HashData(Body));
        Verifier().Verify(Token(Hs256, Claims(body: hash)), Body, Url);
        Verifier().Verify(Token(Hs256, Claims(body: hash + "=")), Body, Url);
    }

    [Fact]
    public void The_clock_tolerance_moves_exp_and_nbf()
    {
        Verifier(TimeSpan.FromSeconds(10)).Verify(Token(Hs256, Claims(exp: -5)), Body, Url);
        Verifier(TimeSpan.FromSeconds(10)).Verify(Token(Hs256, Claims(nbf: 5)), Body, Url);
        Assert.Equal(UpstashSignatureFailure.Expired, Assert.Throws<UpstashSignatureException>(() => Verifier(TimeSpan.FromSeconds(10)).Verify(Token(Hs256, Claims(exp: -10)), Body, Url)).Reason);
    }

    [Fact]
    public void The_url_is_checked_only_when_given()
    {
        var token = UpstashSignatureVerifier.Sign(Current, Body, new Uri("https://shop.example/api/other"), Now);
        Verifier().Verify(token, Body);
        Assert.Equal(UpstashSignatureFailure.WrongUrl, Assert.Throws<UpstashSignatureException>(() => Verifier().Verify(token, Body, Url)).Reason);
    }

    [Fact]
    public void Without_a_next_key_only_the_current_one_verifies()
    {
        var error = Assert.Throws<UpstashSignatureException>(() => Verifier(next: null).Verify(UpstashSignatureVerifier.Sign(Next, Body, Url, Now), Body, Url));
        Assert.Equal(UpstashSignatureFailure.InvalidSignature, error.Reason);
    }

    [Fact]
    public void A_header_sent_twice_is_refused_as_joined_values()
    {
        var token = UpstashSignatureVerifier.Sign(Current, Body, Url, Now);
        Microsoft.Extensions.Primitives.StringValues twice = new([token, token]);
        Assert.Equal(UpstashSignatureFailure.Duplicated, Assert.Throws<UpstashSignatureException>(() => Verifier().Verify(twice, Body, Url)).Reason);
        Microsoft.Extensions.Primitives.StringValues none = default;
        Assert.Equal(UpstashSignatureFailure.Missing, Assert.Throws<UpstashSignatureException>(() => Verifier().Verify(none, Body, Url)).Reason);
    }

    [Fact]
    public void Keys_come_from_the_environment_with_the_regions_own_pair_first()
    {
        var variables = new Dictionary<string, string>
        {
            ["QSTASH_REGION"] = "eu-central-1",
            ["QSTASH_CURRENT_SIGNING_KEY"] = "sig_plain_current",
            ["QSTASH_NEXT_SIGNING_KEY"] = "sig_plain_next",
            ["US_EAST_1_QSTASH_CURRENT_SIGNING_KEY"] = "sig_us_current",
        };
        var us = UpstashSignatureVerifierOptions.FromEnvironment("us-east-1", variables.GetValueOrDefault);
        var eu = UpstashSignatureVerifierOptions.FromEnvironment("EU_CENTRAL_1", variables.GetValueOrDefault);
        var none = UpstashSignatureVerifierOptions.FromEnvironment(null, variables.GetValueOrDefault);
        variables.Remove("QSTASH_REGION");
        var unset = UpstashSignatureVerifierOptions.FromEnvironment("us-east-1", variables.GetValueOrDefault);

        Assert.Equal(("sig_us_current", "sig_plain_next"), (us.CurrentSigningKey, us.NextSigningKey));
        Assert.Equal(("sig_plain_current", "sig_plain_next"), (eu.CurrentSigningKey, eu.NextSigningKey));
        Assert.Equal("sig_plain_current", none.CurrentSigningKey);
        Assert.Equal("sig_plain_current", unset.CurrentSigningKey);
    }

    [Fact]
    public void A_verifier_without_a_current_key_cannot_be_made()
    {
        var error = Assert.Throws<ArgumentException>(() => new UpstashSignatureVerifier(new UpstashSignatureVerifierOptions { NextSigningKey = Next }));
        Assert.Contains("QSTASH_CURRENT_SIGNING_KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Next, error.Message, StringComparison.Ordinal);
    }
}
