namespace Upstash.Workflow;

/// <summary>
/// The development server every official Upstash SDK knows: on this machine, port 8080 unless <c>QSTASH_DEV_PORT</c>
/// says another, with a token and signing keys that are the same everywhere. <c>QSTASH_DEV=true</c> (or <c>1</c>) makes
/// <see cref="UpstashWorkflowClientOptions.FromEnvironment"/> and <see cref="UpstashSignatureVerifierOptions.FromEnvironment"/>
/// use them for what your configuration leaves unset, as the official SDKs do; the emulator
/// (<c>upstash-workflow-emulator</c>) serves them by default.
/// </summary>
/// <remarks>
/// Never set <c>QSTASH_DEV</c> where real requests arrive: everyone knows these keys, so a verifier that takes them
/// takes a request anyone signed.
/// </remarks>
public static class UpstashDevelopmentServer
{
    /// <summary>The development server's token.</summary>
    public const string Token = "eyJVc2VySUQiOiJkZWZhdWx0VXNlciIsIlBhc3N3b3JkIjoiZGVmYXVsdFBhc3N3b3JkIn0=";

    /// <summary>The development server's current signing key.</summary>
    public const string CurrentSigningKey = "sig_7kYjw48mhY7kAjqNGcy6cr29RJ6r";

    /// <summary>The development server's next signing key.</summary>
    public const string NextSigningKey = "sig_5ZB6DVzB1wjE8S6rZ7eenA8Pdnhs";

    /// <summary>The port it listens on unless <c>QSTASH_DEV_PORT</c> names another.</summary>
    public const int Port = 8080;

    /// <summary>
    /// Whether <c>QSTASH_DEV</c> turns development mode on (<c>true</c> or <c>1</c>; off when unset, empty, <c>false</c> or
    /// <c>0</c>), as the official SDKs read it.
    /// </summary>
    /// <exception cref="UpstashConfigurationException">Any other value.</exception>
    internal static bool On(Func<string, string?> variables) => variables("QSTASH_DEV")?.Trim() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        var other => throw new UpstashConfigurationException($"QSTASH_DEV is '{other}': set it to true or 1 (development mode), or false, 0 or nothing."),
    };

    /// <summary>Where the development server is: 127.0.0.1 on <c>QSTASH_DEV_PORT</c>, else on <see cref="Port"/>.</summary>
    internal static Uri Address(Func<string, string?> variables) =>
        new($"http://127.0.0.1:{(int.TryParse(variables("QSTASH_DEV_PORT"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : Port)}");
}
