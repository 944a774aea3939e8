using System.Runtime.CompilerServices;

namespace Upstash.Workflow.Core;

/// <summary>
/// The cursor loop, written once, for the walking methods the generator writes beside every
/// cursor-paged operation (generator/Upstash.Workflow.Generator/CSharp/Writers/ClientClassWriter.cs): each calls the operation's
/// own virtual method, so a fake of the group class that overrides it pages too.
/// </summary>
internal static class CursorPaging
{
    /// <summary>The items of the pages <paramref name="fetch"/> gives for each cursor.</summary>
    public static UpstashPageable<T> Items<TPage, T>(Func<string?, CancellationToken, Task<TPage>> fetch, Func<TPage, IList<T>> items, Func<TPage, string?> next, CancellationToken cancellationToken) =>
        new Pageable<TPage, T>(fetch, items, next, cancellationToken);

    /// <summary>The answers of a call that works in batches (a bulk delete), one per cursor until the last.</summary>
    public static async IAsyncEnumerable<TPage> Pages<TPage>(Func<string?, CancellationToken, Task<TPage>> fetch, Func<TPage, string?> next,
        CancellationToken callToken, [EnumeratorCancellation] CancellationToken enumeratorToken = default)
    {
        using var joined = Join(callToken, enumeratorToken, out var token);
        string? cursor = null;
        do
        {
            var page = await fetch(cursor, token).ConfigureAwait(false);
            yield return page;
            cursor = Next(cursor, next(page));
        }
        while (cursor is not null);
    }

    /// <summary>The next cursor, null at the end; the one just sent again is a loop in the service, not a next page.</summary>
    private static string? Next(string? sent, string? next)
    {
        if (string.IsNullOrEmpty(next))
        {
            return null;
        }
        return next == sent
            ? throw new UpstashWorkflowException($"The service answered the cursor '{next}' with the same cursor; stopping instead of asking for the same page forever.")
            : next;
    }

    /// <summary>The method's token and the enumeration's, as one; the source to dispose when both can be cancelled.</summary>
    private static CancellationTokenSource? Join(CancellationToken call, CancellationToken enumeration, out CancellationToken token)
    {
        if (!call.CanBeCanceled || !enumeration.CanBeCanceled)
        {
            token = call.CanBeCanceled ? call : enumeration;
            return null;
        }
        var joined = CancellationTokenSource.CreateLinkedTokenSource(call, enumeration);
        token = joined.Token;
        return joined;
    }

    private sealed class Pageable<TPage, T>(Func<string?, CancellationToken, Task<TPage>> fetch, Func<TPage, IList<T>> items, Func<TPage, string?> next, CancellationToken callToken)
        : UpstashPageable<T>
    {
        public override IAsyncEnumerable<UpstashPage<T>> AsPages(string? cursor = null) => Walk(cursor);

        private async IAsyncEnumerable<UpstashPage<T>> Walk(string? cursor, [EnumeratorCancellation] CancellationToken enumeratorToken = default)
        {
            using var joined = Join(callToken, enumeratorToken, out var token);
            do
            {
                var page = await fetch(cursor, token).ConfigureAwait(false);
                var list = items(page);
                var following = Next(cursor, next(page));
                // Only this page is held: the one before is no longer referenced once this one is asked for.
                yield return new UpstashPage<T>(list as IReadOnlyList<T> ?? [.. list], following);
                cursor = following;
            }
            while (cursor is not null);
        }
    }
}
