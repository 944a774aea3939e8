using System.Buffers;

namespace Upstash.Workflow.Core;

/// <summary>
/// A request's URL while the generated method builds it: on the method's stack (the buffer it is given), and in a
/// pooled array only when the URL outgrows that. Nothing outlives the call and nothing is shared between calls.
/// </summary>
internal ref struct UrlBuilder
{
    private Span<char> _chars;
    private char[]? _rented;
    private int _length;
    private int _queryStart = -1;

    public UrlBuilder(Span<char> buffer) => _chars = buffer;

    /// <summary>One query pair, already percent-encoded: after a '?' if it is the first, else after a '&amp;'. The path is written before it.</summary>
    public void AppendQuery(scoped ReadOnlySpan<char> name, scoped ReadOnlySpan<char> value)
    {
        if (_queryStart < 0)
        {
            _queryStart = _length;
        }
        Append(_queryStart == _length ? '?' : '&');
        Append(name);
        Append('=');
        Append(value);
    }

    public void Append(char value)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }
        _chars[_length++] = value;
    }

    public void Append(scoped ReadOnlySpan<char> value)
    {
        if (_length + value.Length > _chars.Length)
        {
            Grow(value.Length);
        }
        value.CopyTo(_chars[_length..]);
        _length += value.Length;
    }

    /// <summary>Whether a query pair named <paramref name="name"/> (as written, percent-encoded) was appended.</summary>
    public readonly bool HasQuery(scoped ReadOnlySpan<char> name)
    {
        if (_queryStart < 0)
        {
            return false;
        }
        var query = _chars[_queryStart.._length];
        // Each pair starts after its '?' or '&'; neither can occur inside an encoded name or value.
        for (var at = 0; at < query.Length; at++)
        {
            if (query[at] is '?' or '&' && query[(at + 1)..].StartsWith(name, StringComparison.Ordinal)
                && at + 1 + name.Length < query.Length && query[at + 1 + name.Length] == '=')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The URL as written, absolute; a pooled array is given back.</summary>
    public Uri ToUri()
    {
        var text = new string(_chars[.._length]);
        if (_rented is { } rented)
        {
            _rented = null;
            _chars = default;
            ArrayPool<char>.Shared.Return(rented);
        }
        return new Uri(text, UriKind.Absolute);
    }

    private void Grow(int more)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + more));
        _chars[.._length].CopyTo(larger);
        if (_rented is { } old)
        {
            ArrayPool<char>.Shared.Return(old);
        }
        _chars = _rented = larger;
    }
}
