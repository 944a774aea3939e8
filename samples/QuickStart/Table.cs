namespace Upstash.Workflow.QuickStart;

/// <summary>Prints rows as aligned columns under a header.</summary>
public static class Table
{
    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        string Line(IReadOnlyList<string> row) => "  " + string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Line(header));
        output.WriteLine("  " + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in all.Skip(1))
        {
            output.WriteLine(Line(row));
        }
    }
}
