namespace Upstash.Workflow.Release;

/// <summary>
/// Writes a set of files all or not at all: each file's content before (or its absence) is kept, and
/// <see cref="Dispose"/> puts every one back unless <see cref="Commit"/> was called. An update that fails midway
/// leaves the working tree exactly as it was.
/// </summary>
public sealed class FileTransaction : IDisposable
{
    private readonly Dictionary<string, byte[]?> _before = new(StringComparer.Ordinal);
    private bool _committed;

    /// <summary>Called with each file just before it is written; a test makes it fail to show the rollback.</summary>
    public Action<string>? BeforeWrite { get; init; }

    public void Write(string path, string text) => Write(path, System.Text.Encoding.UTF8.GetBytes(text));

    public void Write(string path, byte[] bytes)
    {
        Keep(path);
        BeforeWrite?.Invoke(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void Delete(string path)
    {
        Keep(path);
        BeforeWrite?.Invoke(path);
        File.Delete(path);
    }

    /// <summary>Keeps what is at <paramref name="path"/> now, to be put back, for a file a command outside this one writes.</summary>
    public void Keep(string path) => _before.TryAdd(path, File.Exists(path) ? File.ReadAllBytes(path) : null);

    public void Commit() => _committed = true;

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }
        foreach (var (path, bytes) in _before)
        {
            if (bytes is null)
            {
                File.Delete(path);
            }
            else
            {
                File.WriteAllBytes(path, bytes);
            }
        }
    }
}
