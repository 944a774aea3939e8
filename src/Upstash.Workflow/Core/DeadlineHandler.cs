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
        // One timer-backed source per call, as HttpClient's own timeout makes; it lives until the body is read.
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            var response = await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
            if (request is UpstashRequestMessage generated)
            {
                // The generated client reads the body under this deadline itself (UpstashClientBase) and
                // ends it with the request: no wrapper around the body.
                generated.Keep(deadline, _timeout);
                // The answer names the request the caller sent (a handler inside may have sent a copy): it carries the deadline.
                response.RequestMessage = request;
                return response;
            }
            response.Content = new DeadlineContent(response.Content, deadline, cancellationToken, _timeout, request);
            return response;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            deadline.Dispose();
            throw new UpstashTimeoutException(_timeout, Describe(request), e);
        }
        catch
        {
            deadline.Dispose();
            throw;
        }
    }

    /// <summary>"POST https://host/path", for a timeout's message; only made when one happens.</summary>
    internal static string Describe(HttpRequestMessage request) => $"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)}";

    private sealed class DeadlineContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly CancellationTokenSource _deadline;
        private readonly CancellationToken _caller;
        private readonly TimeSpan _timeout;
        private readonly HttpRequestMessage _request;

        public DeadlineContent(HttpContent inner, CancellationTokenSource deadline, CancellationToken caller, TimeSpan timeout, HttpRequestMessage request)
        {
            (_inner, _deadline, _caller, _timeout, _request) = (inner, deadline, caller, timeout, request);
            // NonValidated: the values as they came, without parsing or a copy of each list.
            foreach (var (name, values) in inner.Headers.NonValidated)
            {
                foreach (var value in values)
                {
                    Headers.TryAddWithoutValidation(name, value);
                }
            }
        }

        // Once the headers are in, HttpClient's own token no longer follows the caller, so the caller's token
        // is joined with the deadline for every read of the body.
        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
        {
            try
            {
                return new DeadlineStream(await _inner.ReadAsStreamAsync(Linked(cancellationToken)).ConfigureAwait(false), this, cancellationToken);
            }
            catch (OperationCanceledException e) when (Explains(cancellationToken))
            {
                throw Translate(e, cancellationToken);
            }
        }

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

        /// <summary>Whether a cancelled read was cancelled by the reader, the caller or the deadline (else it is left as it came).</summary>
        internal bool Explains(CancellationToken reader) =>
            reader.IsCancellationRequested || _caller.IsCancellationRequested || _deadline.IsCancellationRequested;

        /// <summary>A cancelled read: the caller's (or reader's) cancellation stays one; the deadline's becomes a timeout.</summary>
        internal Exception Translate(OperationCanceledException e, CancellationToken reader) =>
            reader.IsCancellationRequested || _caller.IsCancellationRequested
                ? new OperationCanceledException(e.Message, e, reader.IsCancellationRequested ? reader : _caller)
                : new UpstashTimeoutException(_timeout, Describe(_request), e);
    }

    private sealed class DeadlineStream(Stream inner, DeadlineContent owner, CancellationToken reader) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        // A synchronous read cannot be cancelled; it is not used by the client (which reads asynchronously) and
        // never waits on an asynchronous one.
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var token = cancellationToken.CanBeCanceled ? cancellationToken : reader;
            try
            {
                return await inner.ReadAsync(buffer, owner.Linked(token)).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (owner.Explains(token))
            {
                throw owner.Translate(e, token);
            }
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
