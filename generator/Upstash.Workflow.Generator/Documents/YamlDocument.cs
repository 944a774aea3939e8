using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Upstash.Workflow.Generator.Documents;

/// <summary>
/// Reads YAML (or JSON, which is YAML) into a Newtonsoft tree, resolving plain scalars by the YAML 1.2
/// core schema, and annotates every node with its file, line and column.
/// </summary>
public static partial class YamlDocument
{
    public static JToken Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }
        if (stream.Documents.Count != 1)
        {
            throw new YamlException($"expected one YAML document, found {stream.Documents.Count}");
        }
        return Convert(stream.Documents[0].RootNode, path);
    }

    private static JToken Convert(YamlNode node, string file)
    {
        JToken token = node switch
        {
            YamlMappingNode map => ConvertMapping(map, file),
            YamlSequenceNode seq => new JArray(seq.Children.Select(c => Convert(c, file))),
            YamlScalarNode scalar => ConvertScalar(scalar),
            _ => throw new YamlException(node.Start, node.End, $"unsupported YAML node {node.NodeType}"),
        };
        token.AddAnnotation(new SourceLocation(file, (int)node.Start.Line, (int)node.Start.Column));
        return token;
    }

    private static JObject ConvertMapping(YamlMappingNode map, string file)
    {
        var obj = new JObject();
        foreach (var (key, value) in map.Children)
        {
            var name = key is YamlScalarNode s ? s.Value ?? "" : throw new YamlException(key.Start, key.End, "mapping keys must be scalars");
            if (obj.ContainsKey(name))
            {
                throw new YamlException(key.Start, key.End, $"duplicate key '{name}'");
            }
            var property = new JProperty(name, Convert(value, file));
            property.AddAnnotation(new SourceLocation(file, (int)key.Start.Line, (int)key.Start.Column));
            obj.Add(property);
        }
        return obj;
    }

    private static JValue ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str")
        {
            return new JValue(text);
        }
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return JValue.CreateNull();
        }
        if (text is "true" or "True" or "TRUE")
        {
            return new JValue(true);
        }
        if (text is "false" or "False" or "FALSE")
        {
            return new JValue(false);
        }
        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new JValue(integer);
        }
        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new JValue(number);
        }
        return new JValue(text);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
