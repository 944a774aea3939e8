using System.Runtime.CompilerServices;

namespace Upstash.Workflow;

/// <summary>
/// The items of a cursor-paged call, page after page: <c>await foreach</c> over it gives every item
/// (each page is asked for when the one before is used up, so memory holds one page however many there
/// are); <see cref="AsPages"/> gives the pages, with the cursor of each, for those who want them.
/// </summary>
/// <typeparam name="T">One item.</typeparam>
public abstract class UpstashPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>For subclasses: a fake in a test, or <see cref="FromPages"/>.</summary>
    protected UpstashPageable()
    {
    }

    /// <summary>The pages, from <paramref name="cursor"/> on (the first page when null), each with the cursor of the next.</summary>
    /// <param name="cursor">A page's <see cref="UpstashPage{T}.NextCursor"/>, to go on where an earlier walk stopped.</param>
    public abstract IAsyncEnumerable<UpstashPage<T>> AsPages(string? cursor = null);

    /// <summary>Every item of every page, in order.</summary>
    /// <param name="cancellationToken">Stops the walk; the page being read is abandoned.</param>
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }

    /// <summary>Pages given in advance, as a fake of a call that pages would answer them (for tests).</summary>
    /// <param name="pages">The pages, in order: each page's <see cref="UpstashPage{T}.NextCursor"/> is what <see cref="AsPages"/> reports.</param>
    public static UpstashPageable<T> FromPages(IEnumerable<UpstashPage<T>> pages) => new Given(pages ?? throw new ArgumentNullException(nameof(pages)));

    private sealed class Given(IEnumerable<UpstashPage<T>> pages) : UpstashPageable<T>
    {
        public override async IAsyncEnumerable<UpstashPage<T>> AsPages(string? cursor = null)
        {
            await Task.CompletedTask.ConfigureAwait(false);
            foreach (var page in cursor is null ? pages : pages.SkipWhile(p => p.NextCursor != cursor).Skip(1))
            {
                yield return page;
            }
        }
    }
}

/// <summary>One page of a cursor-paged call.</summary>
/// <typeparam name="T">One item.</typeparam>
public sealed class UpstashPage<T>
{
    /// <summary>A page of <paramref name="items"/>, followed by the page <paramref name="nextCursor"/> names (none when null or empty).</summary>
    /// <param name="items">The page's items.</param>
    /// <param name="nextCursor">The cursor of the next page; null on the last.</param>
    public UpstashPage(IReadOnlyList<T> items, string? nextCursor)
    {
        Items = items ?? throw new ArgumentNullException(nameof(items));
        NextCursor = string.IsNullOrEmpty(nextCursor) ? null : nextCursor;
    }

    /// <summary>The page's items.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The cursor of the next page; null on the last page.</summary>
    public string? NextCursor { get; }
}
