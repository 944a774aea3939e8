namespace Upstash.Workflow;

/// <summary>A page of a cursor-paged answer: the cursor of the next page, or nothing on the last one.</summary>
public interface IUpstashPage
{
    /// <summary>The cursor to pass for the next page; null or empty when this is the last page.</summary>
    string? NextCursor { get; }
}
