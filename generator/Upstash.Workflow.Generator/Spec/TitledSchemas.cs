using Newtonsoft.Json.Linq;

namespace Upstash.Workflow.Generator.Spec;

/// <summary>
/// Makes every title a component name, in the document all languages generate from: a component is
/// renamed to its title, and a titled inline schema moves to <c>components/schemas</c> under its title.
/// Generators that ignore inline titles (most TypeScript ones, Kiota) then use the same names as .NET.
/// </summary>
/// <remarks>
/// Schemas given one title are one type when they have one shape: documentation (descriptions,
/// examples, extensions nobody reads) does not count, and the first description wins. Different
/// shapes under one title stop generation with UG0108.
/// </remarks>
public static class TitledSchemas
{
    public static void Hoist(JObject root, DiagnosticBag diagnostics)
    {
        var components = (JObject)(root["components"] ??= new JObject());
        var schemas = (JObject)(components["schemas"] ??= new JObject());
        TitlesBesideReferences(root, schemas, diagnostics);
        RenameComponentsToTitles(root, schemas, diagnostics);

        foreach (var component in schemas.Properties().ToList())
        {
            if (component.Value is JObject schema)
            {
                HoistChildren(schema, schemas, diagnostics);
            }
        }
        foreach (var operation in OpenApiDocument.Operations(root))
        {
            foreach (var (schema, _, _) in OpenApiDocument.OperationSchemas(operation).ToList())
            {
                HoistSchema(schema, schemas, diagnostics);
            }
            foreach (var parameter in OpenApiDocument.Parameters(root, operation))
            {
                if (parameter["schema"] is JObject schema)
                {
                    HoistSchema(schema, schemas, diagnostics);
                }
            }
        }
    }

    /// <summary>
    /// A title beside a <c>$ref</c> names the component it points to: where upstream moves an inline
    /// schema into components, the overlay's title for the inline schema lands next to the reference,
    /// and the type keeps its name. A component that has a title of its own keeps it.
    /// </summary>
    private static void TitlesBesideReferences(JObject root, JObject schemas, DiagnosticBag diagnostics)
    {
        const string Prefix = "#/components/schemas/";
        foreach (var reference in root.Descendants().OfType<JObject>().Where(o => o["$ref"] is JValue && o["title"] is JValue).ToList())
        {
            var target = reference.StringAt("$ref")!;
            var title = reference.StringAt("title");
            if (!target.StartsWith(Prefix, StringComparison.Ordinal) || schemas[target[Prefix.Length..]] is not JObject component || string.IsNullOrEmpty(title))
            {
                continue;
            }
            var existing = component.StringAt("title");
            if (existing is null)
            {
                component["title"] = title;
            }
            else if (existing != title)
            {
                diagnostics.Warning(Codes.TitleBesideReferenceIgnored,
                    $"{OpenApiDocument.TargetOf(reference)} refers to {target}, named '{existing}', but is titled '{title}'; the component's name is kept. " +
                    $"Drop one of the titles in the overlay.",
                    reference);
            }
            reference.Remove("title");
        }
    }

    private static void RenameComponentsToTitles(JObject root, JObject schemas, DiagnosticBag diagnostics)
    {
        foreach (var component in schemas.Properties().ToList())
        {
            if (component.Value is not JObject schema || schema.StringAt("title") is not { Length: > 0 } title || title == component.Name)
            {
                continue;
            }
            if (schemas[title] is not null)
            {
                diagnostics.Error(Codes.SchemaTitleClash,
                    $"components/schemas/{component.Name} is titled '{title}', but another component already has that name. " +
                    $"Choose another title in the overlay: {{ target: \"$.components.schemas.{component.Name}\", update: {{ title: <name> }} }}",
                    schema);
                continue;
            }
            var from = $"#/components/schemas/{component.Name}";
            foreach (var reference in root.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref" && p.Value.AsString() == from).ToList())
            {
                reference.Value = $"#/components/schemas/{title}";
            }
            component.Replace(new JProperty(title, schema));
        }
    }

    private static void HoistSchema(JObject schema, JObject schemas, DiagnosticBag diagnostics)
    {
        HoistChildren(schema, schemas, diagnostics);
        if (!(OpenApiDocument.IsInlineObject(schema) || OpenApiDocument.IsInlineEnum(schema)) || schema.StringAt("title") is not { Length: > 0 } title)
        {
            return;
        }
        if (schemas[title] is JObject existing && !SchemaShape.Same(existing, schema))
        {
            diagnostics.Error(Codes.SchemaTitleClash,
                $"two schemas of different shapes are named '{title}' (at {OpenApiDocument.TargetOf(schema)} and components/schemas/{title}); one type has one shape. " +
                $"Give one another title in the overlay: {{ target: \"{OpenApiDocument.TargetOf(schema)}\", update: {{ title: <name> }} }}",
                schema);
            return;
        }
        if (schemas[title] is null)
        {
            schemas[title] = schema.DeepClone();
        }
        schema.Replace(new JObject { ["$ref"] = $"#/components/schemas/{title}" });
    }

    private static void HoistChildren(JObject schema, JObject schemas, DiagnosticBag diagnostics)
    {
        if (schema["properties"] is JObject properties)
        {
            foreach (var property in properties.Properties().ToList())
            {
                if (property.Value is JObject child)
                {
                    HoistSchema(child, schemas, diagnostics);
                }
            }
        }
        foreach (var key in new[] { "items", "additionalProperties" })
        {
            if (schema[key] is JObject child)
            {
                HoistSchema(child, schemas, diagnostics);
            }
        }
    }
}
