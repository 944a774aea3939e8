using Newtonsoft.Json.Linq;

namespace Upstash.Workflow.Release;

/// <summary>One difference between two effective specs, at a place a reader can find: what the wire does differently.</summary>
/// <param name="Place">Where: <c>POST /v2/trigger/{workflowUrl}</c>, <c>schema WorkflowRun.workflowState</c>, …</param>
/// <param name="What">What changed there, in words.</param>
public sealed record WireChange(string Place, string What)
{
    public override string ToString() => $"`{Place}`: {What}";
}

/// <summary>
/// Compares two effective specs member by member: the changes a public API listing cannot show (a status code, an
/// enum value, a bound, a description) and the ones it does, each named where a reader of the spec finds it.
/// Parameters are matched by place and name, lists of values as sets, so an order that changed is no change.
/// </summary>
public static class WireChanges
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    public static IReadOnlyList<WireChange> Compare(JObject before, JObject after)
    {
        var changes = new List<WireChange>();
        Walk(before, after, [], changes);
        return changes;
    }

    private static void Walk(JToken? was, JToken? now, List<string> path, List<WireChange> changes)
    {
        if (JToken.DeepEquals(was, now))
        {
            return;
        }
        if ((was is null || now is null) && path.Count == 2 && path[0] == "paths")
        {
            // A path that came or went: its operations did.
            Walk(was ?? new JObject(), now ?? new JObject(), path, changes);
            return;
        }
        if ((was is null || now is null) && path.Count == 3 && path[0] == "paths" && Methods.Contains(path[2]))
        {
            changes.Add(new WireChange(Place(path), Describe(path, was, now)));
            return;
        }
        if (was is JObject a && now is JObject b)
        {
            foreach (var name in a.Properties().Select(p => p.Name).Union(b.Properties().Select(p => p.Name)).Where(IsWire))
            {
                Walk(a[name], b[name], [.. path, name], changes);
            }
            return;
        }
        if (was is JArray x && now is JArray y)
        {
            if (x.Concat(y).All(e => e is JValue))
            {
                // enum, required, tags: sets of values.
                var gone = x.Where(v => !y.Any(w => JToken.DeepEquals(v, w))).ToList();
                var came = y.Where(v => !x.Any(w => JToken.DeepEquals(v, w))).ToList();
                var what = string.Join("; ", new[]
                {
                    came.Count > 0 ? "adds " + string.Join(", ", came.Select(v => $"`{v}`")) : null,
                    gone.Count > 0 ? "drops " + string.Join(", ", gone.Select(v => $"`{v}`")) : null,
                }.Where(s => s is not null));
                if (what.Length > 0)
                {
                    changes.Add(new WireChange(Place(path), $"{path[^1]} {what}"));
                }
                return;
            }
            if (x.Concat(y).All(e => e is JObject o && o["name"] is not null && o["in"] is not null))
            {
                // Parameters: by where they go and their name.
                static string Key(JToken p) => $"{p["in"]} {p["name"]}";
                foreach (var key in x.Select(Key).Union(y.Select(Key)))
                {
                    Walk(x.FirstOrDefault(p => Key(p) == key), y.FirstOrDefault(p => Key(p) == key), [.. path, key], changes);
                }
                return;
            }
            for (var i = 0; i < Math.Max(x.Count, y.Count); i++)
            {
                Walk(i < x.Count ? x[i] : null, i < y.Count ? y[i] : null, [.. path, $"[{i}]"], changes);
            }
            return;
        }
        changes.Add(new WireChange(Place(path), Describe(path, was, now)));
    }

    /// <summary>
    /// Vendor extensions (upstream's <c>x-mint</c> for its documentation site) and examples say nothing about what is sent
    /// or answered; what the overlay's extensions change in the client shows in the public API instead.
    /// </summary>
    private static bool IsWire(string key) => !key.StartsWith("x-", StringComparison.Ordinal) && key is not ("example" or "examples");

    private static string Describe(List<string> path, JToken? was, JToken? now)
    {
        var last = path.Count > 0 ? path[^1] : "document";
        var subject = Subject(path);
        if (subject == "operation")
        {
            // Named as every language names it, so the member that came or went with it can be found.
            return $"operation `{(now ?? was)?["operationId"]}` {(was is null ? "added" : "removed")}";
        }
        if (was is null)
        {
            return $"{subject} added" + (now is JValue v ? $": `{v}`" : "");
        }
        if (now is null)
        {
            return $"{subject} removed";
        }
        if (last is "description" or "summary")
        {
            return $"{last} rewritten";
        }
        return was is JValue && now is JValue ? $"{last} `{was}` → `{now}`" : $"{last} changed";
    }

    // What the last steps of the path name: "response 429", "header parameter Upstash-Priority", "property priority".
    private static string Subject(List<string> path)
    {
        if (path.Count >= 2 && path[^2] == "responses")
        {
            return $"response {path[^1]}";
        }
        if (path.Count >= 2 && path[^2] == "parameters")
        {
            var parts = path[^1].Split(' ', 2);
            return parts.Length == 2 ? $"{parts[0]} parameter `{parts[1]}`" : path[^1];
        }
        if (path.Count >= 2 && path[^2] == "properties")
        {
            return $"property `{path[^1]}`";
        }
        if (path.Count >= 1 && Methods.Contains(path[^1]) && path.Count == 3 && path[0] == "paths")
        {
            return "operation";
        }
        return path.Count > 0 ? path[^1] : "document";
    }

    /// <summary>"POST /v2/trigger/{workflowUrl}" for what is inside an operation, "schema X.y" inside a schema, else the dotted path.</summary>
    private static string Place(List<string> path)
    {
        if (path.Count >= 3 && path[0] == "paths" && Methods.Contains(path[2]))
        {
            return $"{path[2].ToUpperInvariant()} {path[1]}";
        }
        if (path.Count >= 2 && path[0] == "paths")
        {
            return path[1];
        }
        if (path.Count >= 3 && path[0] == "components" && path[1] == "schemas")
        {
            var inner = path.Skip(3).Where(p => p is not ("properties" or "items" or "allOf" or "oneOf" or "anyOf") && !p.StartsWith('[')).ToList();
            // The member's own name ends the place unless it is what changed (a description, an enum).
            var member = inner.Count > 1 ? "." + inner[0] : "";
            return $"schema {path[2]}{member}";
        }
        return string.Join(".", path.Take(Math.Max(1, path.Count - 1)));
    }
}
