namespace Upstash.Workflow;

/// <summary>
/// The keys and clock of an <see cref="UpstashSignatureVerifier"/>. The keys are the account's signing keys as
/// the console and <see cref="SigningKeysClient.GetSigningKeysAsync(GetSigningKeysOptions?, CancellationToken)"/> show them (<c>sig_…</c>); the next key
/// lets requests signed after a rotation through before this configuration is updated.
/// </summary>
public sealed class UpstashSignatureVerifierOptions
{
    /// <summary>No key set, no clock tolerance, the system clock (<see cref="FromEnvironment"/> reads the keys from the environment).</summary>
    public UpstashSignatureVerifierOptions()
    {
    }

    /// <summary>The current signing key (<c>QSTASH_CURRENT_SIGNING_KEY</c>).</summary>
    // A secret: never written by a serializer (configuration binds it; JSON does not).
    [System.Text.Json.Serialization.JsonIgnore]
    public string? CurrentSigningKey { get; set; }

    /// <summary>The next signing key (<c>QSTASH_NEXT_SIGNING_KEY</c>), tried when the current one does not match.</summary>
    // A secret: never written by a serializer (configuration binds it; JSON does not).
    [System.Text.Json.Serialization.JsonIgnore]
    public string? NextSigningKey { get; set; }

    /// <summary>How far the sender's clock may be off: <c>exp</c> and <c>nbf</c> are moved by this much. Default: none.</summary>
    public TimeSpan ClockTolerance { get; set; }

    /// <summary>The clock <c>exp</c> and <c>nbf</c> are read against; <see cref="TimeProvider.System"/> unless a test sets another.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Keys from the environment variables the official SDKs read: <c>QSTASH_CURRENT_SIGNING_KEY</c> and
    /// <c>QSTASH_NEXT_SIGNING_KEY</c>, as <see cref="WithEnvironment"/> reads them.
    /// </summary>
    /// <param name="requestRegion">The region the request came from (its <c>upstash-region</c> header); ignored without <c>QSTASH_REGION</c>.</param>
    /// <param name="variables">Reads a variable; defaults to <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public static UpstashSignatureVerifierOptions FromEnvironment(string? requestRegion = null, Func<string, string?>? variables = null) =>
        new UpstashSignatureVerifierOptions().WithEnvironment(requestRegion, variables);

    /// <summary>
    /// A copy of these options whose keys left unset are read from the environment. This is the one order in which
    /// keys are found, for each key on its own: what these options say (your configuration), then, with
    /// <c>QSTASH_REGION</c> set and <paramref name="requestRegion"/> a known region (<c>eu-central-1</c> or
    /// <c>EU_CENTRAL_1</c>), the region's own names (<c>EU_CENTRAL_1_QSTASH_CURRENT_SIGNING_KEY</c>, …), then the plain
    /// names (<c>QSTASH_CURRENT_SIGNING_KEY</c>, <c>QSTASH_NEXT_SIGNING_KEY</c>). Keys set in configuration therefore
    /// apply to every region: leave them unset to verify each region with its own. With <c>QSTASH_DEV=true</c> the keys
    /// left unset are the <see cref="UpstashDevelopmentServer"/>'s, and no other variable is read.
    /// </summary>
    /// <param name="requestRegion">The region the request came from (its <c>upstash-region</c> header); ignored without <c>QSTASH_REGION</c>.</param>
    /// <param name="variables">Reads a variable; defaults to <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public UpstashSignatureVerifierOptions WithEnvironment(string? requestRegion = null, Func<string, string?>? variables = null)
    {
        variables ??= Environment.GetEnvironmentVariable;
        string? Read(string name) => variables(name) is { Length: > 0 } value ? value.Trim() : null;
        string? Set(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

        // Development mode: the development server's keys, where these options set none.
        if (UpstashDevelopmentServer.On(variables))
        {
            return new UpstashSignatureVerifierOptions
            {
                CurrentSigningKey = Set(CurrentSigningKey) ?? UpstashDevelopmentServer.CurrentSigningKey,
                NextSigningKey = Set(NextSigningKey) ?? UpstashDevelopmentServer.NextSigningKey,
                ClockTolerance = ClockTolerance,
                TimeProvider = TimeProvider,
            };
        }
        var prefix = Read("QSTASH_REGION") is not null && UpstashRegions.TryNormalize(requestRegion, out var region)
            ? UpstashRegions.EnvironmentPrefix(region)
            : null;
        return new UpstashSignatureVerifierOptions
        {
            CurrentSigningKey = Set(CurrentSigningKey) ?? (prefix is null ? null : Read(prefix + "QSTASH_CURRENT_SIGNING_KEY")) ?? Read("QSTASH_CURRENT_SIGNING_KEY"),
            NextSigningKey = Set(NextSigningKey) ?? (prefix is null ? null : Read(prefix + "QSTASH_NEXT_SIGNING_KEY")) ?? Read("QSTASH_NEXT_SIGNING_KEY"),
            ClockTolerance = ClockTolerance,
            TimeProvider = TimeProvider,
        };
    }
}
