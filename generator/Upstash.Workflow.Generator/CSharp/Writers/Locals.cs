namespace Upstash.Workflow.Generator.CSharp.Writers;

/// <summary>
/// The names of the locals and lambda parameters generated code declares, each named once here and read by every
/// writer that declares or uses it (as Kiota's writers name theirs). Each ends in '_', which no name the plan gives a
/// parameter, a body or an options member may (PlanBuilder refuses one with UG0202), so none can clash with one.
/// </summary>
internal static class Locals
{
    /// <summary>The request being built (a method's local; an options type's writer takes it under this name too).</summary>
    public const string Request = "request_";

    /// <summary>The URL being built, on the method's stack.</summary>
    public const string Url = "url_";

    /// <summary>The operation's span and duration, null while nobody listens.</summary>
    public const string Scope = "scope_";

    /// <summary>The answer read, in the traced method.</summary>
    public const string Result = "result_";

    /// <summary>The call's deadline, which spans sending and reading the body.</summary>
    public const string Deadline = "deadline_";

    /// <summary>The answer.</summary>
    public const string Response = "response_";

    /// <summary>What a send threw, and what it becomes.</summary>
    public const string Exception = "exception_";

    public const string Failure = "failure_";

    /// <summary>The walker's lambda parameters: the cursor, the token of one page's call, and a page.</summary>
    public const string Cursor = "cursor_";

    public const string PageCancellation = "cancellationToken_";

    public const string Page = "page_";

    /// <summary>One value of a list sent, and one header of a family.</summary>
    public const string Item = "item_";

    public const string Header = "header_";

    /// <summary>
    /// The local a set optional value is read into ("labelsValue_"): its name, "Value" and '_', a form none of the names
    /// above has, so a value named like one of them (a query parameter "url") cannot clash with it.
    /// </summary>
    public static string Set(string name) => char.ToLowerInvariant(name[0]) + name[1..] + "Value_";
}
