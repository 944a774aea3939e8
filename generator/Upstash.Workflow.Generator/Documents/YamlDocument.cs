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
    /// <summary>The most nodes a document may expand to once its aliases are followed (a spec has a few thousand).</summary>
    private const int MostNodes = 1_000_000;

    /// <summary>Reads <paramref name="path"/>; any way the text is not one YAML document is a <see cref="YamlException"/> with a position.</summary>
    public static JToken Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            var parser = new Parser(reader);
            try
            {
                stream.Load(parser);
            }
            catch (Exception e) when (e is not YamlException)
            {
                // The scanner throws other exceptions on some malformed input (an unterminated flow sequence in a flow mapping).
                var at = parser.Current?.End ?? Mark.Empty;
                throw new YamlException(at, at, $"the YAML cannot be read near here ({e.Message})", e);
            }
        }
        if (stream.Documents.Count != 1)
        {
            throw new YamlException($"expected one YAML document, found {stream.Documents.Count}");
        }
        return new Converter(path).Convert(stream.Documents[0].RootNode);
    }

    /// <summary>
    /// One document's nodes as a tree. Aliases are followed (each use is a copy), so a node that refers to one
    /// containing it (a cycle) or aliases that multiply beyond any spec's size are refused, not followed forever.
    /// </summary>
    private sealed class Converter(string file)
    {
        private readonly HashSet<YamlNode> _open = new(ReferenceEqualityComparer.Instance);
        private int _nodes;

        public JToken Convert(YamlNode node)
        {
            if (!_open.Add(node))
            {
                throw new YamlException(node.Start, node.End, "an alias here refers to a node that contains it: a cycle, which has no JSON form");
            }
            if (++_nodes > MostNodes)
            {
                throw new YamlException(node.Start, node.End, $"the document expands to more than {MostNodes:N0} nodes once its aliases are followed");
            }
            JToken token = node switch
            {
                YamlMappingNode map => ConvertMapping(map),
                YamlSequenceNode seq => new JArray(seq.Children.Select(Convert)),
                YamlScalarNode scalar => ConvertScalar(scalar),
                _ => throw new YamlException(node.Start, node.End, $"unsupported YAML node {node.NodeType}"),
            };
            _open.Remove(node);
            token.AddAnnotation(new SourceLocation(file, (int)node.Start.Line, (int)node.Start.Column));
            return token;
        }

        private JObject ConvertMapping(YamlMappingNode map)
        {
            var obj = new JObject();
            foreach (var (key, value) in map.Children)
            {
                var name = key is YamlScalarNode s ? s.Value ?? "" : throw new YamlException(key.Start, key.End, "mapping keys must be scalars");
                if (obj.ContainsKey(name))
                {
                    throw new YamlException(key.Start, key.End, $"duplicate key '{name}'");
                }
                var property = new JProperty(name, Convert(value));
                property.AddAnnotation(new SourceLocation(file, (int)key.Start.Line, (int)key.Start.Column));
                obj.Add(property);
            }
            return obj;
        }
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
