using Upstash.Workflow.TestSupport.Emulator;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.Testing.Tests.Support;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// The emulator refuses what the spec refuses: over every typed or bounded query, header and path parameter of
/// every operation in the effective spec, values generated to break its type or bounds get a 400 whose error
/// names the parameter, and a value that keeps them is not refused for it.
/// </summary>
public sealed class ParameterRulesTests(Reporter reporter) : IClassFixture<Reporter>
{
    private sealed record Probe(string Method, string Path, string In, string Name, string Value, bool Bad);

    private static IEnumerable<Probe> Probes()
    {
        var spec = JsonNode.Parse(File.ReadAllText(Repository.CommittedEffectiveSpec))!;
        foreach (var (path, item) in spec["paths"]!.AsObject())
        {
            // Path placeholders filled with an id; a trigger's with a URL.
            var concrete = string.Join('/', path.Split('/').Select(s => s.StartsWith('{') ? (s == "{workflowUrl}" ? "https%3A%2F%2Fexample.com%2Fw" : "id-1") : s));
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var parameter in (operation!["parameters"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var schema = parameter["schema"]!.AsObject();
                    var item_ = (string?)schema["type"] == "array" ? schema["items"]!.AsObject() : schema;
                    var (name, place) = ((string)parameter["name"]!, (string)parameter["in"]!);
                    Probe Make(string value, bool bad) => new(method.ToUpperInvariant(), concrete, place, name, value, bad);
                    switch ((string?)item_["type"])
                    {
                        case "integer":
                            yield return Make("abc", true);
                            yield return Make("1.5", true);
                            yield return Make("99999999999999999999", true);
                            if (item_["minimum"] is JsonValue min)
                            {
                                yield return Make(((long)min - 1).ToString(CultureInfo.InvariantCulture), true);
                            }
                            if (item_["maximum"] is JsonValue max)
                            {
                                yield return Make(((long)max + 1).ToString(CultureInfo.InvariantCulture), true);
                            }
                            yield return Make(item_["maximum"] is JsonValue top ? top.ToString() : item_["minimum"] is JsonValue bottom ? bottom.ToString() : "1", false);
                            break;
                        case "number":
                            yield return Make("abc", true);
                            yield return Make("1.5", false);
                            break;
                        case "boolean":
                            yield return Make("maybe", true);
                            yield return Make("1", true);
                            yield return Make("true", false);
                            break;
                    }
                }
            }
        }
    }

    [Fact]
    public async Task Every_typed_or_bounded_parameter_refuses_values_the_spec_refuses()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { Deliver = false });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Token);
        var probes = Probes().ToList();
        var wrong = new List<string>();

        foreach (var probe in probes)
        {
            var target = probe.In == "query" ? $"{probe.Path.TrimStart('/')}?{probe.Name}={Uri.EscapeDataString(probe.Value)}" : probe.Path.TrimStart('/');
            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), target) { Content = probe.Method == "POST" ? new StringContent("") : null };
            if (probe.In == "header")
            {
                request.Headers.TryAddWithoutValidation(probe.Name, probe.Value);
            }
            using var response = await http.SendAsync(request, TestContext.Token);
            var body = await response.Content.ReadAsStringAsync(TestContext.Token);
            var error = response.Content.Headers.ContentType?.MediaType == "application/json" ? (string?)JsonNode.Parse(body)?["error"] : null;
            var namesIt = error?.Contains($"'{probe.Name}'", StringComparison.Ordinal) == true;
            if (probe.Bad && (response.StatusCode != HttpStatusCode.BadRequest || !namesIt))
            {
                wrong.Add($"{probe.Method} {target} ({probe.In} {probe.Name}={probe.Value}): {(int)response.StatusCode} {body}");
            }
            if (!probe.Bad && response.StatusCode == HttpStatusCode.BadRequest && namesIt)
            {
                wrong.Add($"{probe.Method} {target} ({probe.In} {probe.Name}={probe.Value}) is within the spec, refused: {body}");
            }
        }

        var bad = probes.Where(p => p.Bad).ToList();
        reporter.Say($"Emulator parameter rules: {bad.Count} values that break the spec's types or bounds, over {bad.Select(p => (p.Method, p.Path, p.Name)).Distinct().Count()} parameters " +
            $"of {bad.Select(p => (p.Method, p.Path)).Distinct().Count()} operations, refused with the parameter named; {probes.Count - bad.Count} values within them not refused for it.");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Contains(bad, p => p is { Path: "/v2/workflows/logs", Name: "count", Value: "1001" });
        Assert.Contains(bad, p => p is { Path: "/v2/flowControl/id-1/unpin", Name: "parallelism", Value: "maybe" });
    }
}
