using System.Net;

namespace Upstash.Workflow.Core;

/// <summary>
/// One deadline for the whole call: sending, waiting for the answer and reading its body. The
/// generated code reads headers first and the body after (<see cref="HttpCompletionOption.ResponseHeadersRead"/>),
/// where <see cref="HttpClient.Timeout"/> no longer applies, so a body that stalls would hang; here the
/// body's stream keeps the same deadline. When it runs out the call fails with
/// <see cref="UpstashTimeoutException"/>; a cancellation by the caller stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class DeadlineHandler : DelegatingHandler
{
    private readonly TimeSpan _timeout;

    /// <summary>Creates the handler; <see cref="Timeout.InfiniteTimeSpan"/> sets no deadline.</summary>
    public DeadlineHandler(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive, or Timeout.InfiniteTimeSpan.");
        }
        _timeout = timeout;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var what = $"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)}";
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            var response = await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
            response.Content = new DeadlineContent(response.Content, deadline, cancellationToken, _timeout, what);
            return response;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            deadline.Dispose();
            throw new UpstashTimeoutException(_timeout, what, e);
        }
        catch
        {
            deadline.Dispose();
            throw;
        }
    }

    /// <summary>The answer's body, read under the call's deadline; disposing it ends the deadline.</summary>
    private sealed class DeadlineContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly CancellationTokenSource _deadline;
        private readonly CancellationToken _caller;
        private readonly TimeSpan _timeout;
        private readonly string _what;

        public DeadlineContent(HttpContent inner, CancellationTokenSource deadline, CancellationToken caller, TimeSpan timeout, string what)
        {
            (_inner, _deadline, _caller, _timeout, _what) = (inner, deadline, caller, timeout, what);
            foreach (var (name, values) in inner.Headers)
            {
                Headers.TryAddWithoutValidation(name, values);
            }
        }

        // The reader's token is kept for the stream's synchronous reads (Json.NET reads synchronously): once the
        // headers are in, HttpClient's own token no longer follows the caller, so the caller's must be joined here.
        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new DeadlineStream(await Guard(() => _inner.ReadAsStreamAsync(Linked(cancellationToken)), cancellationToken).ConfigureAwait(false), this, cancellationToken);

        protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await using var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                _linked?.Dispose();
                _deadline.Dispose();
            }
            base.Dispose(disposing);
        }

        private CancellationTokenSource? _linked;
        private CancellationToken _linkedFor;

        /// <summary>The deadline joined with a reader's own token (one joined source per token, kept until disposal).</summary>
        internal CancellationToken Linked(CancellationToken token)
        {
            if (!token.CanBeCanceled || token == _caller)
            {
                return _deadline.Token; // already joined with the caller's token
            }
            if (_linked is null || _linkedFor != token)
            {
                _linked?.Dispose();
                _linked = CancellationTokenSource.CreateLinkedTokenSource(token, _deadline.Token);
                _linkedFor = token;
            }
            return _linked.Token;
        }

        internal async Task<T> Guard<T>(Func<Task<T>> read, CancellationToken reader)
        {
            try
            {
                return await read().ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (reader.IsCancellationRequested || _caller.IsCancellationRequested)
            {
                throw new OperationCanceledException(e.Message, e, reader.IsCancellationRequested ? reader : _caller);
            }
            catch (OperationCanceledException e) when (_deadline.IsCancellationRequested)
            {
                throw new UpstashTimeoutException(_timeout, _what, e);
            }
        }
    }

    /// <summary>Reads of the body's stream, each bounded by the call's deadline.</summary>
    private sealed class DeadlineStream(Stream inner, DeadlineContent owner, CancellationToken reader) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count), reader).AsTask().GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var token = cancellationToken.CanBeCanceled ? cancellationToken : reader;
            return await owner.Guard(() => inner.ReadAsync(buffer, owner.Linked(token)).AsTask(), token).ConfigureAwait(false);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
