using System.Runtime.CompilerServices;

namespace Upstash.Workflow;

/// <summary>
/// Follows cursors, so that a listing or a bulk operation reads as one sequence. The call for one page
/// is the caller's own lambda over a generated method, with whatever filters it takes:
/// <code>
/// await foreach (var entry in UpstashPaging.ItemsAsync(
///     (cursor, ct) => client.Dlq.ListFailedRunsAsync(cursor: cursor, filter: nightly, cancellationToken: ct),
///     page => page.Messages))
/// </code>
/// </summary>
public static class UpstashPaging
{
    /// <summary>Every page, first to last: each call gets the previous page's cursor (null for the first).</summary>
    /// <exception cref="InvalidOperationException">The service handed back a cursor it had already given (a loop).</exception>
    public static async IAsyncEnumerable<TPage> PagesAsync<TPage>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TPage : IUpstashPage
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetchPage(cursor, cancellationToken).ConfigureAwait(false);
            yield return page;
            cursor = page.NextCursor;
            if (!string.IsNullOrEmpty(cursor) && !seen.Add(cursor))
            {
                throw new InvalidOperationException("The service returned a cursor it had returned before; stopping instead of looping.");
            }
        }
        while (!string.IsNullOrEmpty(cursor));
    }

    /// <summary>Every item of every page, in order.</summary>
    public static async IAsyncEnumerable<TItem> ItemsAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IEnumerable<TItem>?> items,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TPage : IUpstashPage
    {
        ArgumentNullException.ThrowIfNull(items);
        await foreach (var page in PagesAsync(fetchPage, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in items(page) ?? [])
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// Repeats a call that works in batches without a cursor (bulk cancel takes at most <c>count</c>
    /// runs per call) while <paramref name="more"/> says the last batch did something.
    /// </summary>
    public static async IAsyncEnumerable<TResult> RepeatWhileAsync<TResult>(
        Func<CancellationToken, Task<TResult>> call,
        Func<TResult, bool> more,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(more);
        TResult result;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            result = await call(cancellationToken).ConfigureAwait(false);
            yield return result;
        }
        while (more(result));
    }
}
