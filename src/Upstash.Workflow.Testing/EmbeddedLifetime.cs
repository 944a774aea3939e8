using Microsoft.Extensions.Hosting;

namespace Upstash.Workflow.Testing;

/// <summary>
/// The lifetime of the emulator's own host: started and stopped by the emulator alone. The default (console)
/// lifetime would handle Ctrl+C and SIGTERM by stopping the emulator and cancelling the signal, so the process
/// that hosts it would not stop.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
