using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Upstash.Workflow.Benchmarks;

/// <summary>
/// Verify one Upstash signature over a 1 KB body, the current key not matching (the next one does, as after a
/// rotation: the worst case): UpstashSignatureVerifier against Microsoft.IdentityModel's JsonWebTokenHandler doing
/// the same checks (HS256 only, issuer, lifetime with exp required, either key, then the body's hash).
/// </summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private const string Current = "sig_7kPbq3pBSpnxmBJ9XUeC5d1qfWzV";
    private const string Next = "sig_5ZB6DVzB1wjE8S6rZ7eenA8Pdnhs";
    private static readonly Uri Url = new("https://shop.example/api/failed");

    private readonly byte[] _body = Encoding.UTF8.GetBytes(new string('x', 1024));
    private readonly UpstashSignatureVerifier _verifier = new(Current, Next);
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters = new()
    {
        ValidIssuer = "Upstash",
        ValidateAudience = false,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.Zero,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        IssuerSigningKeys = [new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Current)), new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Next))],
    };

    private string _token = "";

    [GlobalSetup]
    public void Setup() => _token = UpstashSignatureVerifier.Sign(Next, _body, Url);

    [Benchmark(Baseline = true, Description = "JsonWebTokenHandler")]
    public async Task<bool> IdentityModel()
    {
        var result = await _handler.ValidateTokenAsync(_token, _parameters);
        if (!result.IsValid || result.Claims["body"] is not string claim)
        {
            return false;
        }
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(_body, hash);
        return claim.AsSpan().TrimEnd('=').SequenceEqual(Base64Url.EncodeToString(hash));
    }

    [Benchmark(Description = "UpstashGen")]
    public bool UpstashGen() => _verifier.TryVerify(_token, _body, null, out _);
}
