namespace Upstash.Workflow;

/// <summary>Why a request was not accepted as sent by Upstash (<see cref="UpstashSignatureException.Reason"/>).</summary>
public enum UpstashSignatureFailure
{
    /// <summary>No <c>Upstash-Signature</c> header, or an empty one.</summary>
    Missing = 1,

    /// <summary>More than one <c>Upstash-Signature</c> header: which one counts would be up to the reader.</summary>
    Duplicated,

    /// <summary>Not a compact JWT: three base64url parts whose first two are JSON objects, each claim once and of its type.</summary>
    Malformed,

    /// <summary>An algorithm other than HS256 (<c>none</c>, HS512, RS256, …).</summary>
    UnsupportedAlgorithm,

    /// <summary>Signed with neither the current nor the next signing key.</summary>
    InvalidSignature,

    /// <summary>A claim Upstash always sends is missing (<c>exp</c>, <c>iss</c>, <c>body</c>; <c>sub</c> when a URL is checked).</summary>
    MissingClaim,

    /// <summary><c>iss</c> is not exactly <c>Upstash</c>.</summary>
    WrongIssuer,

    /// <summary><c>exp</c> has passed (beyond the clock tolerance).</summary>
    Expired,

    /// <summary><c>nbf</c> has not come yet (beyond the clock tolerance).</summary>
    NotYetValid,

    /// <summary><c>sub</c> is not the URL that was called.</summary>
    WrongUrl,

    /// <summary><c>body</c> is not the SHA-256 of the body received: the body was changed on the way.</summary>
    WrongBody,
}
