using System.Net;
using Upstash.Workflow.TestSupport;
using System.Net.Sockets;
using System.Text;
using static Upstash.Workflow.Testing.Tests.Support.RawProtocol;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// A server closes a connection left idle past its keep-alive timeout (Node: 5 s), and a request sent on it as it
/// closes is reset unanswered. The emulator must not reuse a connection that long idle, or a delivery with no retries
/// left fails a run that did nothing wrong.
/// </summary>
public sealed class IdleConnectionTests
{
    [Fact]
    public async Task A_delivery_after_a_pause_is_not_sent_on_a_connection_the_endpoint_has_given_up()
    {
        await using var endpoint = ImpatientServer.Start(idleLimit: TimeSpan.FromSeconds(2));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var http = Http(upstash);

        foreach (var message in new[] { "one", "two" })
        {
            using var publish = new HttpRequestMessage(HttpMethod.Post, $"v2/publish/{endpoint.Url}") { Content = new StringContent(message) };
            publish.Headers.Add("Upstash-Retries", "0");
            (await http.SendAsync(publish, TestContext.Token)).EnsureSuccessStatusCode();
            await upstash.DeliveriesCompletedAsync();
            // Longer than the endpoint keeps an idle connection (2 s), and than the emulator does (1 s, dropped by a sweep
            // each second: gone within 2 s).
            await Task.Delay(TimeSpan.FromMilliseconds(2600), TestContext.Token);
        }

        Assert.All(upstash.Deliveries, d => Assert.Equal(200, d.Status));
        Assert.Equal(2, upstash.Deliveries.Count);
    }

    /// <summary>
    /// Answers 200 to every request, except one that comes on a connection idle for longer than its limit: that connection
    /// is reset, the request unanswered, as a server that closes it at that moment does.
    /// </summary>
    private sealed class ImpatientServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly TimeSpan _idleLimit;
        private Task _accepting = Task.CompletedTask;

        private ImpatientServer(TimeSpan idleLimit) => _idleLimit = idleLimit;

        public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook");

        public static ImpatientServer Start(TimeSpan idleLimit)
        {
            var server = new ImpatientServer(idleLimit);
            server._listener.Start();
            server._accepting = server.AcceptAsync();
            return server;
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    _ = ServeAsync(client);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var _ = client;
            var stream = client.GetStream();
            var buffer = new byte[64 * 1024];
            var answeredAt = DateTimeOffset.MinValue;
            try
            {
                while (await ReadRequestAsync(stream, buffer) is true)
                {
                    if (answeredAt != DateTimeOffset.MinValue && DateTimeOffset.UtcNow - answeredAt > _idleLimit)
                    {
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    }
                    await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray(), _stop.Token);
                    answeredAt = DateTimeOffset.UtcNow;
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
            }
        }

        /// <summary>Reads one request (headers, then a body of its Content-Length); false when the connection closed first.</summary>
        private async Task<bool> ReadRequestAsync(NetworkStream stream, byte[] buffer)
        {
            var text = new StringBuilder();
            int headerEnd;
            while ((headerEnd = text.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return false;
                }
                text.Append(Encoding.Latin1.GetString(buffer, 0, read));
            }
            var head = text.ToString(0, headerEnd);
            var length = head.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
            var remaining = length - (text.Length - headerEnd - 4);
            while (remaining > 0)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, remaining)), _stop.Token);
                if (read == 0)
                {
                    return false;
                }
                remaining -= read;
            }
            return true;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _accepting;
            _stop.Dispose();
        }
    }
}
