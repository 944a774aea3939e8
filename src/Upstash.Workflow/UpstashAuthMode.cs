namespace Upstash.Workflow;

/// <summary>How the token travels: the spec's two security schemes.</summary>
public enum UpstashAuthMode
{
    /// <summary><c>Authorization: Bearer &lt;token&gt;</c> (the spec's <c>bearerAuth</c>). The default.</summary>
    BearerHeader,

    /// <summary>The query parameter <c>qstash_token</c>, percent-encoded (the spec's <c>bearerAuthQuery</c>).</summary>
    QueryToken,
}
