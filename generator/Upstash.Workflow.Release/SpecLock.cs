using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Workflow.Release;

/// <summary>
/// Which spec the packages came from (openapi/openapi.lock.json): where the update read it and the SHA-256 of that
/// file as published, the SHA-256 of the effective spec generated from it, and where upstream publishes its file (the
/// address the scheduled update reads, kept here in the repository). The build puts the first three into each
/// assembly's metadata, and the file itself into each package. No date: the same file read twice gives the same lock.
/// </summary>
public sealed record SpecLock(string Source, string UpstreamSha256, string EffectiveSha256, string? Upstream)
{
    public static SpecLock? Read(string path) =>
        File.Exists(path) ? JObject.Parse(File.ReadAllText(path)) is var o
            ? new SpecLock((string)o["source"]!, (string)o["upstreamSha256"]!, (string)o["effectiveSha256"]!, (string?)o["upstream"])
            : null
        : null;

    public string ToJson()
    {
        var json = new JObject
        {
            ["source"] = Source,
            ["upstreamSha256"] = UpstreamSha256,
            ["effectiveSha256"] = EffectiveSha256,
        };
        if (Upstream is not null)
        {
            json["upstream"] = Upstream;
        }
        return json.ToString(Formatting.Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}
