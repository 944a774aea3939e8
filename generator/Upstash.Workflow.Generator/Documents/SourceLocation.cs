using Newtonsoft.Json.Linq;

namespace Upstash.Workflow.Generator.Documents;

/// <summary>Where a node came from: kept as a JToken annotation so findings can point at a line.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>The location of <paramref name="token"/>, or of its nearest ancestor that has one.</summary>
    public static SourceLocation? Of(JToken? token)
    {
        for (var t = token; t is not null; t = t.Parent)
        {
            if (t.Annotation<SourceLocation>() is { } location)
            {
                return location;
            }
        }
        return null;
    }
}
