using System.Text;

namespace Upstash.Workflow.Generator.CSharp.Writers;

/// <summary>
/// The one place generated C# is laid out, as the BCL's source generators lay theirs: it owns the indentation (four
/// spaces a level), indents every line it is given, multi-line text included (each line at the current level plus its
/// own leading spaces), and never indents a blank line. Writers say what to write and at which level, never how far.
/// </summary>
internal sealed class SourceWriter
{
    private const string Unit = "    ";

    private readonly StringBuilder _text = new();

    /// <summary>The current level: 1 for a type in a namespace, 2 for its members, 3 for their bodies.</summary>
    public int Indentation { get; set; }

    /// <summary>A blank line.</summary>
    public void WriteLine() => _text.Append('\n');

    /// <summary>Each line of <paramref name="text"/> at the current level; "\n" separates lines.</summary>
    public void WriteLine(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0)
            {
                for (var i = 0; i < Indentation; i++)
                {
                    _text.Append(Unit);
                }
                _text.Append(line);
            }
            _text.Append('\n');
        }
    }

    /// <summary>"{" at the current level, then one level in.</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        Indentation++;
    }

    /// <summary>One level out, then "}" (and what follows it on the line: ";", ")").</summary>
    public void CloseBlock(string after = "")
    {
        Indentation--;
        WriteLine("}" + after);
    }

    /// <summary><paramref name="lines"/> in a block of their own: "{", the lines one level in, "}".</summary>
    public void Block(params IEnumerable<string> lines)
    {
        OpenBlock();
        foreach (var line in lines)
        {
            WriteLine(line);
        }
        CloseBlock();
    }

    public override string ToString() => _text.ToString();
}
