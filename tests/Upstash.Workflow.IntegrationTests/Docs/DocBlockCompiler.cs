using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Upstash.Workflow.IntegrationTests.Docs;

/// <summary>
/// Compiles a C# block of the docs as a reader would paste it: its using directives at the top, its
/// statements in an async method, or its members (a test method) in a class. The givens are what the
/// docs assume a reader has at hand: a token, a cancellation token, a service collection, a web
/// application builder and the app it built, a client, signing keys, a signature and a raw body, their own app's <c>Program</c> and
/// their own code (<c>NightlyRecovery</c>, <c>WorkflowStep</c>, <c>Alerts</c>, <c>FailureAlerts</c>).
/// A given the block declares itself is left out.
/// </summary>
public static partial class DocBlockCompiler
{
    private static readonly (string Type, string Name)[] Givens =
    [
        ("string", "token"),
        ("CancellationToken", "ct"),
        ("IServiceCollection", "services"),
        ("Microsoft.AspNetCore.Builder.WebApplicationBuilder", "builder"),
        ("Microsoft.AspNetCore.Builder.WebApplication", "app"),
        ("UpstashWorkflowClient", "client"),
        ("string", "currentSigningKey"),
        ("string", "nextSigningKey"),
        ("string", "signatureHeader"),
        ("byte[]", "rawBody"),
        ("Alerts", "alerts"),
    ];

    private const string Usings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Net;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.AspNetCore.Mvc.Testing;
        global using Microsoft.AspNetCore.TestHost;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Http;
        global using Upstash.Workflow;
        global using Upstash.Workflow.Testing;
        global using Xunit;

        """;

    private const string ReadersOwn = """
        public partial class Program { }

        public sealed class NightlyRecovery(UpstashWorkflowClient client)
        {
            public Task RunAsync() => client.Dlq.RestartWorkflowsAsync(filter: new FailedRunFilter { Labels = ["nightly"] });
        }

        public sealed record WorkflowStep(string Name);

        public sealed class Alerts
        {
            public Task SendAsync(string text) => Task.CompletedTask;
        }

        public sealed class FailureAlerts
        {
            public IReadOnlyList<string> Raised => [];
        }
        """;

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
            .ToArray());

    /// <summary>The compiler's errors for the block; empty when it compiles.</summary>
    public static IReadOnlyList<string> Problems(string block)
    {
        var lines = block.Split('\n');
        var usings = lines.Where(l => UsingDirective().IsMatch(l)).ToList();
        var body = string.Join('\n', lines.Where(l => !UsingDirective().IsMatch(l)));
        var members = Member().IsMatch(body);
        var givens = string.Join(", ", Givens.Where(g => !Regex.IsMatch(body, $@"\b(var|{Regex.Escape(g.Type)})\s+{g.Name}\s*[=;]")).Select(g => $"{g.Type} {g.Name}"));
        var source = string.Join('\n', usings) + "\n" + (members
            ? $"public sealed class DocBlock\n{{\n{body}\n}}\n"
            : $"public static class DocBlock\n{{\n    public static async Task Run({givens})\n    {{\n{body}\n        await Task.CompletedTask;\n    }}\n}}\n");
        var compilation = CSharpCompilation.Create(
            "DocBlock",
            [Parse(Usings), Parse(ReadersOwn), Parse(source)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())];
    }

    private static SyntaxTree Parse(string code) => CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest));

    // "using X;" and "using static X;", not "using var x = …;"
    [GeneratedRegex(@"^using (static )?[\w.]+;(\s*//.*)?$")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"(?m)^\[\w+|^(public|private|internal) ")]
    private static partial Regex Member();
}
