using System.Reflection;
using System.Xml.Linq;
using Upstash.Workflow.Release;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.Generator.Tests.Snapshots;

/// <summary>
/// IntelliSense where users look: every public type, property, field (enum members included), method and constructor
/// of every package has its summary, and every parameter its <c>&lt;param&gt;</c>, read from the XML documentation the
/// package ships (an <c>&lt;inheritdoc/&gt;</c> counts when the member it inherits from documents the parameter).
/// </summary>
public sealed class MemberDocsTests(Reporter reporter) : IClassFixture<Reporter>
{
    [Fact]
    public void Every_public_parameter_of_every_package_is_documented()
    {
        var missing = new List<string>();
        var total = 0;
        foreach (var package in Layout.Packages)
        {
            if (!File.Exists(Path.ChangeExtension(Assembly.Load(package.Id).Location, ".xml")))
            {
                continue; // a command (the emulator's tool): nothing in it is called from code
            }
            var assembly = Assembly.Load(package.Id);
            var docs = Docs(assembly);
            foreach (var type in assembly.GetExportedTypes())
            {
                foreach (var member in Members(type))
                {
                    foreach (var parameter in member.GetParameters())
                    {
                        total++;
                        if (!Documented(docs, member, parameter.Name!))
                        {
                            missing.Add($"{package.Id}: {type.FullName}.{member.Name}({parameter.Name})");
                        }
                    }
                }
            }
        }

        reporter.Say($"Parameter docs: {total - missing.Count} of {total} public parameters documented.");
        Assert.True(missing.Count == 0, $"{missing.Count} public parameters have no <param>:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_public_member_of_every_package_is_documented()
    {
        var missing = new List<string>();
        var restated = new List<string>();
        var total = 0;
        foreach (var package in Layout.Packages.Where(p => File.Exists(Path.ChangeExtension(Assembly.Load(p.Id).Location, ".xml"))))
        {
            var assembly = Assembly.Load(package.Id);
            var docs = Docs(assembly);
            bool Has(string id) => docs.TryGetValue(id, out var doc) && (doc.Element("summary") is { } s && s.Value.Trim().Length > 0 || doc.Element("inheritdoc") is not null);
            void Check(string id, string shown)
            {
                total++;
                if (!Has(id))
                {
                    missing.Add($"{package.Id}: {shown}");
                }
                else if (Restates(docs[id], id))
                {
                    restated.Add($"{package.Id}: {shown}");
                }
            }
            foreach (var type in assembly.GetExportedTypes())
            {
                Check($"T:{Name(type)}", type.FullName!);
                const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
                foreach (var property in type.GetProperties(flags).Where(p => !(type.GetMethod("<Clone>$") is not null && p.Name == "EqualityContract")))
                {
                    Check($"P:{Name(type)}.{property.Name}", $"{type.Name}.{property.Name}");
                }
                foreach (var field in type.GetFields(flags).Where(f => !f.IsSpecialName))
                {
                    Check($"F:{Name(type)}.{field.Name}", $"{type.Name}.{field.Name}");
                }
                foreach (var member in Members(type).Where(m => !(m is ConstructorInfo c && c.GetParameters().Length == 0 && !c.DeclaringType!.IsAbstract && type.IsValueType)))
                {
                    Check(DocId(member), $"{type.Name}.{member.Name}");
                }
            }
        }

        reporter.Say($"Member docs: {total - missing.Count} of {total} public members documented; {restated.Count} summaries only restate the name"
            + (restated.Count > 0 ? $" ({string.Join(", ", restated.Select(r => r.Split(": ")[1]).Take(5))}, …)" : "") + ".");
        Assert.True(missing.Count == 0, $"{missing.Count} public members have no summary:\n" + string.Join('\n', missing));
        // An enumeration's value the spec does not describe says only its wire text (<c>RUN_STARTED</c>): describe it in
        // the overlay (x-enum-descriptions), so every language's client has the words.
        Assert.True(restated.Count == 0, $"{restated.Count} summaries only restate their member's name:\n" + string.Join('\n', restated));
    }

    /// <summary>A summary whose words, less articles, are the member's name split at its capitals ("The step name." for StepName).</summary>
    private static bool Restates(XElement doc, string id)
    {
        if (doc.Element("summary")?.Value is not { } summary)
        {
            return false;
        }
        var name = id.Split('(')[0].Split('.')[^1];
        var nameWords = System.Text.RegularExpressions.Regex.Matches(name, "[A-Z][a-z0-9]*|[a-z0-9]+").Select(m => m.Value.ToLowerInvariant());
        var words = System.Text.RegularExpressions.Regex.Matches(summary.ToLowerInvariant(), "[a-z0-9]+").Select(m => m.Value).Where(w => w is not ("the" or "a" or "an" or "its"));
        return words.SequenceEqual(nameWords);
    }

    [Fact]
    public void A_typed_time_or_duration_is_described_without_the_wires_units()
    {
        var wire = new System.Text.RegularExpressions.Regex(@"Unix|milliseconds|in seconds|<unit>|&lt;unit&gt;");
        var found = new List<string>();
        foreach (var package in Layout.Packages.Where(p => File.Exists(Path.ChangeExtension(Assembly.Load(p.Id).Location, ".xml"))))
        {
            var assembly = Assembly.Load(package.Id);
            var docs = Docs(assembly);
            foreach (var property in assembly.GetExportedTypes().SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
            {
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (type != typeof(DateTimeOffset) && type != typeof(TimeSpan)
                    || !docs.TryGetValue($"P:{Name(property.DeclaringType!)}.{property.Name}", out var doc))
                {
                    continue;
                }
                if (doc.Element("summary")?.Value is { } summary && wire.IsMatch(summary))
                {
                    found.Add($"{property.DeclaringType!.Name}.{property.Name}: {summary.Trim()}");
                }
            }
        }

        Assert.True(found.Count == 0, $"{found.Count} typed members describe the wire's units:\n" + string.Join('\n', found));
    }

    /// <summary>What a user calls: public and protected methods and constructors a type declares, less what the compiler writes.</summary>
    private static IEnumerable<MethodBase> Members(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var record = type.GetMethod("<Clone>$") is not null || type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
        return type.GetConstructors(flags).Cast<MethodBase>().Concat(type.GetMethods(flags))
            .Where(m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly)
            .Where(m => !m.IsSpecialName || m is ConstructorInfo || m.Name.StartsWith("op_", StringComparison.Ordinal) && !record)
            .Where(m => !m.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .Where(m => !(record && m.Name is "Equals" or "GetHashCode" or "ToString" or "PrintMembers" or "Deconstruct" or "<Clone>$"))
            .Where(m => !(record && m is ConstructorInfo c && c.GetParameters() is [{ } only] && only.ParameterType == type))
            .Where(m => !(type.IsSubclassOf(typeof(Delegate)) && m.Name is "BeginInvoke" or "EndInvoke"))
            .Where(m => !(type.IsEnum || type.IsValueType && m.Name is "Equals" && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(object)));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Assembly, Dictionary<string, XElement>> Loaded = new();

    /// <summary>An assembly's documentation by member id, read once.</summary>
    private static Dictionary<string, XElement> Docs(Assembly assembly) => Loaded.GetOrAdd(assembly, a =>
        XDocument.Load(Path.ChangeExtension(a.Location, ".xml")).Descendants("member").ToDictionary(m => (string)m.Attribute("name")!, m => m));

    private static bool Documented(Dictionary<string, XElement> docs, MethodBase member, string parameter)
    {
        if (!docs.TryGetValue(DocId(member), out var doc))
        {
            return false;
        }
        if (doc.Elements("param").Any(p => (string?)p.Attribute("name") == parameter))
        {
            return true;
        }
        // <inheritdoc/> takes the documentation of the member overridden or implemented.
        // A member of .NET itself is documented by .NET.
        return doc.Element("inheritdoc") is not null && Inherited(member) is { } from
            && (!File.Exists(Path.ChangeExtension(from.DeclaringType!.Assembly.Location, ".xml")) && from.DeclaringType.Assembly.GetName().Name!.StartsWith("System", StringComparison.Ordinal)
                || Documented(Docs(from.DeclaringType.Assembly), from, parameter));
    }

    private static MethodBase? Inherited(MethodBase member)
    {
        if (member is not MethodInfo method)
        {
            return null;
        }
        if (method.GetBaseDefinition() is { } baseMethod && baseMethod != method)
        {
            return baseMethod;
        }
        foreach (var face in method.DeclaringType!.GetInterfaces())
        {
            var map = method.DeclaringType.GetInterfaceMap(face);
            var at = Array.IndexOf(map.TargetMethods, method);
            if (at >= 0)
            {
                return map.InterfaceMethods[at];
            }
        }
        return null;
    }

    /// <summary>The documentation id of a method or constructor, as the compiler writes it in the XML file.</summary>
    private static string DocId(MethodBase member)
    {
        var type = Name(member.DeclaringType!);
        var name = member is ConstructorInfo ? "#ctor" : member.Name;
        if (member.IsGenericMethod)
        {
            name += "``" + member.GetGenericArguments().Length;
        }
        var parameters = member.GetParameters();
        var id = $"M:{type}.{name}" + (parameters.Length == 0 ? "" : "(" + string.Join(",", parameters.Select(p => Name(p.ParameterType))) + ")");
        if (member is MethodInfo { Name: "op_Implicit" or "op_Explicit" } conversion)
        {
            id += "~" + Name(conversion.ReturnType);
        }
        return id;
    }

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!) + "@";
        }
        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }
        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is not null ? "``" : "`") + type.GenericParameterPosition;
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            var definition = type.GetGenericTypeDefinition();
            var full = definition.FullName![..definition.FullName!.IndexOf('`')].Replace('+', '.');
            return full + "{" + string.Join(",", type.GetGenericArguments().Select(Name)) + "}";
        }
        return type.FullName!.Replace('+', '.');
    }
}
