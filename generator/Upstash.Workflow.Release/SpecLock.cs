using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.Workflow.Release;

/// <summary>
/// Which spec the packages came from (openapi/openapi.lock.json): where the update read it, the SHA-256 of that
/// file as published, when, and the SHA-256 of the effective spec generated from it. The build puts the same
/// values in each assembly's metadata, and the file itself into each package.
/// </summary>
public sealed record SpecLock(string Source, string UpstreamSha256, string Date, string EffectiveSha256)
{
    public static SpecLock? Read(string path) =>
        File.Exists(path) ? JObject.Parse(File.ReadAllText(path)) is var o
            ? new SpecLock((string)o["source"]!, (string)o["upstreamSha256"]!, (string)o["date"]!, (string)o["effectiveSha256"]!)
            : null
        : null;

    public string ToJson() => new JObject
    {
        ["source"] = Source,
        ["upstreamSha256"] = UpstreamSha256,
        ["date"] = Date,
        ["effectiveSha256"] = EffectiveSha256,
    }.ToString(Formatting.Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
}
