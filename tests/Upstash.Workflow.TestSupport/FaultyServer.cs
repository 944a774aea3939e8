using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Upstash.Workflow.TestSupport;

/// <summary>
/// A raw TCP server on 127.0.0.1 that reads each HTTP/1.1 request whole, counts it, and then does
/// whatever the fault script says with the socket: answer, answer in part, stall, or reset.
/// </summary>
public sealed class FaultyServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<Socket, NetworkStream, CancellationToken, Task> _fault;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _received;

    public FaultyServer(Func<Socket, NetworkStream, CancellationToken, Task> fault)
    {
        _fault = fault;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>How many complete requests arrived.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>
    /// <see cref="Received"/> once a request that reached the server has been read: a client that gives up
    /// right after sending (a cancellation, a timeout) can be quicker than the server's reading on a busy
    /// machine. Waits up to 5 s for the first request; a request never sent whole still counts 0.
    /// </summary>
    public async Task<int> ReceivedSettledAsync()
    {
        for (var waited = 0; Received == 0 && waited < 5_000; waited += 20)
        {
            await Task.Delay(20);
        }
        return Received;
    }

    /// <summary>An answer with the given status line, headers and body, then a clean close.</summary>
    public static Func<Socket, NetworkStream, CancellationToken, Task> Answer(string status, string? contentType, string body, params string[] headers) =>
        async (_, stream, ct) =>
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            await WriteAsync(stream, Head(status, contentType, bytes.Length, headers), ct);
            await stream.WriteAsync(bytes, ct);
        };

    public static string Head(string status, string? contentType, long length, params string[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status}\r\nConnection: close\r\nContent-Length: {length}\r\n");
        if (contentType is not null)
        {
            head.Append($"Content-Type: {contentType}\r\n");
        }
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }
        return head.Append("\r\n").ToString();
    }

    public static Task WriteAsync(NetworkStream stream, string text, CancellationToken ct) => stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct).AsTask();

    /// <summary>Closes with a TCP reset instead of an orderly shutdown.</summary>
    public static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            using (socket)
            await using (var stream = new NetworkStream(socket, ownsSocket: false))
            {
                if (!await ReadRequestAsync(stream, _stop.Token))
                {
                    return;
                }
                Interlocked.Increment(ref _received);
                await _fault(socket, stream, _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up or the fault closed the socket: that is the point.
        }
    }

    /// <summary>Reads headers to the blank line and then Content-Length bytes of body.</summary>
    private static async Task<bool> ReadRequestAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 4 || !(buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, ct) == 0)
            {
                return false;
            }
            buffer.Add(one[0]);
        }
        var head = Encoding.ASCII.GetString(buffer.ToArray());
        var length = head.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await stream.ReadAsync(body.AsMemory(read), ct);
            if (n == 0)
            {
                return false;
            }
            read += n;
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
    }
}
