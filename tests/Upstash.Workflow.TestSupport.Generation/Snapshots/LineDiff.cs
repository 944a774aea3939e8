using System.Text;

namespace Upstash.Workflow.TestSupport.Generation.Snapshots;

/// <summary>A line diff (longest common subsequence) that shows the first differing lines, numbered.</summary>
public static class LineDiff
{
    public const int ShownLines = 30;

    public static string Describe(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var edits = Edits(a, b);
        var text = new StringBuilder();
        var shown = 0;
        foreach (var (kind, line, content) in edits)
        {
            if (kind == ' ')
            {
                continue;
            }
            if (shown++ == ShownLines)
            {
                text.AppendLine($"  … and {edits.Count(e => e.Kind != ' ') - ShownLines} more differing lines");
                break;
            }
            text.AppendLine($"  {kind} {line,5}: {content}");
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>'-' lines only in <paramref name="a"/> (numbered in a), '+' lines only in <paramref name="b"/> (numbered in b), ' ' common.</summary>
    public static List<(char Kind, int Line, string Content)> Edits(string[] a, string[] b)
    {
        // Trim the common head and tail first: snapshots usually differ in a few lines.
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
        {
            head++;
        }
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)])
        {
            tail++;
        }
        var n = a.Length - head - tail;
        var m = b.Length - head - tail;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[head + i] == b[head + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char, int, string)>();
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[head + x] == b[head + y])
            {
                edits.Add((' ', head + x + 1, a[head + x]));
                x++;
                y++;
            }
            else if (y < m && (x == n || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                edits.Add(('+', head + y + 1, b[head + y]));
                y++;
            }
            else
            {
                edits.Add(('-', head + x + 1, a[head + x]));
                x++;
            }
        }
        return edits;
    }
}
