using Newtonsoft.Json.Linq;
using Upstash.Workflow.Core;
using Upstash.Workflow.Generator.CSharp.Plan;
using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.CSharp;

/// <summary>
/// The document NSwag reads to write the model classes and enumerations: the C# spec's component schemas the
/// plan uses, each under its planned name and carrying its part of the plan under <see cref="ClientPlan.Key"/>
/// (the one carrier generator/templates/Class.liquid and Enum.liquid read), and no paths: the operation side is
/// printed from the plan by <see cref="Writers.OperationsWriter"/>. The effective spec (what other languages and
/// Prism read) is left alone.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Components are renamed to their planned type names; those no model or enum reaches are left out
/// (error answers become typed exceptions whatever their body, so their schemas go too).</item>
/// <item>Typed values become what NSwag types as the planned .NET type: Unix times as date-times, durations as
/// durations, each with the converter that reads the wire form; string enums lose their type so that
/// generator/templates/Enum.liquid makes them extensible structs (NJsonSchema's x-enumNames gives the member names).</item>
/// <item>Each property carries what Class.liquid does with it: a list or a map (made on first read) and its
/// instance type, the converter of a typed value, and the C# name the plan reads it under (checked there).</item>
/// </list>
/// </remarks>
public static class NSwagInput
{
    /// <summary>The converters that read typed values from their wire form, by the overlay's marker.</summary>
    private static readonly Dictionary<(string? UnixTime, string? Duration), (string Format, string Converter)> Converters = new()
    {
        [("milliseconds", null)] = ("date-time", GeneratedCodeNames.UnixTimeMillisecondsConverter),
        [("seconds", null)] = ("date-time", GeneratedCodeNames.UnixTimeSecondsConverter),
        [(null, "seconds")] = ("duration", GeneratedCodeNames.DurationSecondsConverter),
    };

    public static JObject Render(JObject csharpSpec, ClientPlan plan)
    {
        var root = new JObject
        {
            ["openapi"] = csharpSpec["openapi"]?.DeepClone() ?? "3.0.3",
            ["info"] = csharpSpec["info"]?.DeepClone() ?? new JObject { ["title"] = "", ["version"] = "" },
            ["paths"] = new JObject(),
            ["components"] = new JObject { ["schemas"] = csharpSpec["components"]?["schemas"] is JObject schemas ? schemas.DeepClone() : new JObject() },
        };
        RenderSchemas(root, plan);
        return root;
    }

    private static void RenderSchemas(JObject root, ClientPlan plan)
    {
        var schemas = (JObject)root["components"]!["schemas"]!;
        var planned = plan.Models.Select(m => (m.Component, m.Name, Plan: (object)m)).Concat(plan.Enums.Select(e => (e.Component, e.Name, Plan: (object)e))).ToList();
        var reached = OpenApiDocument.ReachedSchemas(root, planned.Select(p => schemas[p.Component]).OfType<JContainer>());
        reached.UnionWith(planned.Select(p => p.Component));
        foreach (var unused in schemas.Properties().Where(p => !reached.Contains(p.Name)).ToList())
        {
            unused.Remove();
        }
        foreach (var (component, name, part) in planned)
        {
            if (schemas[component] is JObject schema)
            {
                schema[ClientPlan.Key] = ClientPlan.ForTemplates(part);
                if (part is ModelPlan model)
                {
                    foreach (var (property, _) in PlanBuilder.Properties(schema))
                    {
                        property.Value[ClientPlan.Key] = ClientPlan.ForTemplates(model.Properties.First(p => p.Wire == property.Name));
                        Described(schemas, property.Value);
                    }
                }
                Rename(root, schemas, component, name);
            }
        }
        foreach (var schema in root.Descendants().OfType<JObject>().ToList())
        {
            TypedValue(schema);
            ExtensibleEnum(schema);
        }
    }

    /// <summary>
    /// A property that is only a reference to a type says nothing of its own: its documentation is its type's (a
    /// state's property reads "Where the run is (RUN_STARTED, …)", as its enumeration does).
    /// </summary>
    private static void Described(JObject schemas, JToken property)
    {
        if (property is JObject value && value.StringAt("description") is null && value.StringAt("$ref") is { } reference
            && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            && schemas[reference["#/components/schemas/".Length..]] is JObject target && target.StringAt("description") is { } description)
        {
            value["description"] = description;
        }
    }

    private static void Rename(JObject root, JObject schemas, string from, string to)
    {
        if (from == to)
        {
            return;
        }
        var reference = "#/components/schemas/" + from;
        foreach (var property in root.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref" && p.Value.AsString() == reference).ToList())
        {
            property.Value = "#/components/schemas/" + to;
        }
        schemas.Property(from)!.Replace(new JProperty(to, schemas[from]!));
    }

    /// <summary>
    /// A number or integer with format date-time (UG0111) is a plain number (an integer a long, since a Unix
    /// time in milliseconds does not fit an int); a Unix time or a duration in seconds becomes what NSwag types as
    /// DateTimeOffset or TimeSpan, read by its converter.
    /// </summary>
    private static void TypedValue(JObject schema)
    {
        if (SpecChecker.IsNumericDateTime(schema) && schema["x-unix-time"] is null)
        {
            if (OpenApiDocument.SchemaType(schema) == "integer")
            {
                schema["format"] = "int64";
            }
            else
            {
                schema.Remove("format");
            }
            return;
        }
        var marker = (schema.StringAt("x-unix-time"), schema.StringAt("x-duration"));
        if (OpenApiDocument.SchemaType(schema) == "integer" && Converters.TryGetValue(marker, out var typed))
        {
            schema["type"] = "string";
            schema["format"] = typed.Format;
            ((JObject)(schema[ClientPlan.Key] ??= new JObject()))["converter"] = typed.Converter;
            if (schema.StringAt("description") is { } description)
            {
                schema["description"] = WireUnits.Strip(description);
            }
        }
    }

    /// <summary>"RUN_STARTED" becomes the member RunStarted; without its type NSwag adds no StringEnumConverter, and the struct carries its own.</summary>
    private static void ExtensibleEnum(JObject schema)
    {
        if (schema["enum"] is JArray values && values.All(v => v.Type == JTokenType.String))
        {
            schema["x-enumNames"] ??= new JArray(values.Select(v => Names.Pascal((string)v!)));
            schema.Remove("type");
        }
    }
}
