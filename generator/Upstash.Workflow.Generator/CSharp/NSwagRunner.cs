using System.Diagnostics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.CSharp;

/// <summary>Runs NSwag's command line (from the NSwag.MSBuild package) on an NSwag document.</summary>
public static class NSwagRunner
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static void Run(string nswagDll, string document, string input, string output, DiagnosticBag diagnostics)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(nswagDll);
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(document);
        start.ArgumentList.Add($"/variables:Input={input},Output={output}");

        var log = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            diagnostics.Error(Codes.NSwagFailed, $"NSwag did not finish within {Limit.TotalMinutes} minutes on {input}");
            return;
        }
        process.WaitForExit();

        if (process.ExitCode != 0 || !File.Exists(output))
        {
            diagnostics.Error(Codes.NSwagFailed,
                $"NSwag could not generate the client from {input} (exit code {process.ExitCode}): {FirstCause(log.ToString())}");
            foreach (var line in log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(40))
            {
                diagnostics.Info("nswag: " + line.TrimEnd());
            }
        }
    }

    /// <summary>The namespace the NSwag document generates into, which every generated type shares.</summary>
    public static string Namespace(string document) =>
        (string?)JObject.Parse(File.ReadAllText(document)).SelectToken("codeGenerators.openApiToCSharpClient.namespace") is { Length: > 0 } name ? name : "Upstash.Workflow";

    /// <summary>
    /// A copy of the NSwag document in <paramref name="outputDirectory"/> that names its template directory by
    /// absolute path, since the copy lives elsewhere.
    /// </summary>
    public static string PrepareDocument(string document, string outputDirectory)
    {
        var root = JObject.Parse(File.ReadAllText(document));
        var settings = (JObject)root["codeGenerators"]!["openApiToCSharpClient"]!;
        if (settings.StringAt("templateDirectory") is { Length: > 0 } templates)
        {
            settings["templateDirectory"] = Path.GetFullPath(templates, Path.GetDirectoryName(Path.GetFullPath(document))!);
        }
        var copy = Path.Combine(outputDirectory, "nswag.csharp.json");
        File.WriteAllText(copy, root.ToString(Formatting.Indented) + "\n");
        return copy;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    /// <summary>NSwag prints a stack trace; the first line naming an exception is the cause a reader wants.</summary>
    private static string FirstCause(string log)
    {
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.FirstOrDefault(l => l.Contains("Exception:", StringComparison.Ordinal))
            ?? lines.LastOrDefault()
            ?? "no output";
    }

    /// <summary>The dotnet host that runs this tool, so NSwag runs on the same SDK the build uses.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";
}
