namespace Upstash.Workflow;

/// <summary>
/// The keys and clock of an <see cref="UpstashSignatureVerifier"/>. The keys are the account's signing keys as
/// the console and <see cref="ISigningKeysClient.GetSigningKeysAsync"/> show them (<c>sig_…</c>); the next key
/// lets requests signed after a rotation through before this configuration is updated.
/// </summary>
public sealed class UpstashSignatureVerifierOptions
{
    /// <summary>The current signing key (<c>QSTASH_CURRENT_SIGNING_KEY</c>).</summary>
    public string? CurrentSigningKey { get; set; }

    /// <summary>The next signing key (<c>QSTASH_NEXT_SIGNING_KEY</c>), tried when the current one does not match.</summary>
    public string? NextSigningKey { get; set; }

    /// <summary>How far the sender's clock may be off: <c>exp</c> and <c>nbf</c> are moved by this much. Default: none.</summary>
    public TimeSpan ClockTolerance { get; set; }

    /// <summary>The clock <c>exp</c> and <c>nbf</c> are read against; <see cref="TimeProvider.System"/> unless a test sets another.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Keys from the environment variables the official SDKs read: <c>QSTASH_CURRENT_SIGNING_KEY</c> and
    /// <c>QSTASH_NEXT_SIGNING_KEY</c>. With <c>QSTASH_REGION</c> set, <paramref name="requestRegion"/> (the
    /// request's <c>upstash-region</c> header, <c>eu-central-1</c> or <c>EU_CENTRAL_1</c>) picks the region's own
    /// pair (<c>EU_CENTRAL_1_QSTASH_CURRENT_SIGNING_KEY</c>, …), each falling back to the plain name.
    /// </summary>
    /// <param name="requestRegion">The region the request came from; ignored without <c>QSTASH_REGION</c>.</param>
    /// <param name="variables">Reads a variable; defaults to <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public static UpstashSignatureVerifierOptions FromEnvironment(string? requestRegion = null, Func<string, string?>? variables = null)
    {
        var options = new UpstashSignatureVerifierOptions();
        options.FillFromEnvironment(requestRegion, variables ?? Environment.GetEnvironmentVariable);
        return options;
    }

    /// <summary>Sets each key that is not set yet from the environment, as <see cref="FromEnvironment"/> reads it.</summary>
    internal void FillFromEnvironment(string? requestRegion, Func<string, string?> variables)
    {
        string? Read(string name) => variables(name) is { Length: > 0 } value ? value.Trim() : null;

        var prefix = Read("QSTASH_REGION") is not null && requestRegion is not null && UpstashRegions.Known(requestRegion) is not null
            ? UpstashRegions.EnvironmentPrefix(requestRegion)
            : "";
        CurrentSigningKey ??= Read(prefix + "QSTASH_CURRENT_SIGNING_KEY") ?? Read("QSTASH_CURRENT_SIGNING_KEY");
        NextSigningKey ??= Read(prefix + "QSTASH_NEXT_SIGNING_KEY") ?? Read("QSTASH_NEXT_SIGNING_KEY");
    }
}
