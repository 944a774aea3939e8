using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Documents;

namespace Upstash.Workflow.Generator;

/// <summary>Severity of a generator finding.</summary>
public enum Severity { Info, Warning, Error }

/// <summary>
/// One finding, printed in the canonical "file(line,col): error CODE: text" form so that MSBuild
/// reports it as a real error or warning pointing at the spec or overlay line.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation? Location)
{
    public override string ToString()
    {
        var origin = Location is { } l ? $"{l.File}({l.Line},{l.Column}): " : "upstash-gen: ";
        return Severity switch
        {
            Severity.Error => $"{origin}error {Code}: {Message}",
            Severity.Warning => $"{origin}warning {Code}: {Message}",
            _ => $"upstash-gen: {Message}",
        };
    }
}

/// <summary>Collects findings; generation stops before NSwag when any is an error.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    public void Error(string code, string message, JToken? at = null) =>
        _items.Add(new Diagnostic(Severity.Error, code, message, SourceLocation.Of(at)));

    public void ErrorAt(string code, string message, SourceLocation? location) =>
        _items.Add(new Diagnostic(Severity.Error, code, message, location));

    public void Warning(string code, string message, JToken? at = null) =>
        _items.Add(new Diagnostic(Severity.Warning, code, message, SourceLocation.Of(at)));

    public void Info(string message) => _items.Add(new Diagnostic(Severity.Info, "", message, null));
}

/// <summary>Diagnostic codes, one per kind of problem, so a build log can be searched for them.</summary>
public static class Codes
{
    public const string Unreadable = "UG0001";
    public const string OverlayInvalid = "UG0002";
    public const string OverlayNoMatch = "UG0003";
    public const string PathParameterMissing = "UG0101";
    public const string PathParameterUndeclared = "UG0102";
    public const string HeaderNameInvalid = "UG0103";
    public const string OperationUnnamed = "UG0104";
    public const string OperationIdDuplicate = "UG0105";
    public const string OperationUntagged = "UG0106";
    public const string ParameterNameClash = "UG0107";
    public const string SchemaTitleClash = "UG0108";
    public const string UnixTimeInvalid = "UG0109";
    public const string NameNotPinned = "UG0110";
    public const string TimestampTypedAsDateTime = "UG0111";
    public const string ParameterShapeUnsupported = "UG0112";
    public const string TitleBesideReferenceIgnored = "UG0113";
    public const string OptionsMemberInvalid = "UG0114";
    public const string PagingInvalid = "UG0115";
    public const string EnumListsMisaligned = "UG0116";
    public const string NSwagFailed = "UG0201";
    public const string GeneratedNameRejected = "UG0202";
}
