namespace Upstash.Workflow.Testing;

/// <summary>How an <see cref="UpstashWorkflowEmulator"/> starts.</summary>
public sealed class UpstashWorkflowEmulatorOptions
{
    /// <summary>The one token the emulator accepts; a random one when not set.</summary>
    public string? Token { get; set; }

    /// <summary>The emulator's clock (waiters' deadlines, signatures); <see cref="TimeProvider.System"/> when not set.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Whether the emulator calls your endpoints as the service does: the first step of a run started through the
    /// API (trigger, batch trigger, resume, restart), and a failure callback when a run fails. On by default, and
    /// only ever to loopback addresses and <see cref="AllowedDeliveryHosts"/>: a URL anywhere else is never called,
    /// so nothing leaves the machine unless you allow it.
    /// </summary>
    public bool Deliver { get; set; } = true;

    /// <summary>Hosts besides loopback the emulator may call (a test server's name, say).</summary>
    public IList<string> AllowedDeliveryHosts { get; } = [];
}
