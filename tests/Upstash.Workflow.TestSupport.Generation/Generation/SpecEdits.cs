namespace Upstash.Workflow.TestSupport.Generation;

/// <summary>Small text edits of the project's spec, the way a person would edit the YAML.</summary>
public static class SpecEdits
{
    private const string RestartResponses = "      responses:\n        '200':\n          description: Workflow restarted successfully";

    public static string Spec() => File.ReadAllText(Repository.Spec).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>A spec of the restart operation alone (the project's starting point), for findings about one operation.</summary>
    public static string RestartOnly() =>
        File.ReadAllText(Repository.Tests("Upstash.Workflow.Generator.Tests", "Generation", "Specs", "restart-only.yaml")).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Adds a parameter (YAML list entry, indented as the others) at the end of restart's parameters.</summary>
    public static string AddRestartParameter(string spec, string parameterYaml)
    {
        Assert.Contains(RestartResponses, spec, StringComparison.Ordinal);
        return spec.Replace(RestartResponses, parameterYaml.TrimEnd('\n') + "\n" + RestartResponses, StringComparison.Ordinal);
    }

    public static string Header(string name, string type = "string", string description = "A header.") =>
        $"        - in: header\n          name: {name}\n          required: false\n          schema:\n            type: {type}\n          description: {description}\n";
}
