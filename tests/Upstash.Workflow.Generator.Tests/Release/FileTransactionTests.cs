using Upstash.Workflow.Release;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.Generator.Tests.Release;

/// <summary>An update writes all its files or none.</summary>
public sealed class FileTransactionTests
{
    [Fact]
    public void A_failure_midway_puts_every_file_back_and_removes_those_it_made()
    {
        using var dir = new TempDirectory();
        var (kept, changed, made) = (dir.File("kept.txt"), dir.File("changed.txt"), dir.File("new/made.txt"));
        File.WriteAllText(kept, "kept");
        File.WriteAllText(changed, "before");

        var writes = 0;
        var error = Assert.Throws<IOException>(() =>
        {
            using var files = new FileTransaction { BeforeWrite = _ => { if (++writes == 3) { throw new IOException("disk full"); } } };
            files.Write(changed, "after");
            files.Write(made, "made");
            files.Delete(kept);
            files.Commit();
        });

        Assert.Equal("disk full", error.Message);
        Assert.Equal(("kept", "before", false), (File.ReadAllText(kept), File.ReadAllText(changed), File.Exists(made)));
    }

    [Fact]
    public void A_committed_transaction_keeps_what_it_wrote()
    {
        using var dir = new TempDirectory();
        using (var files = new FileTransaction())
        {
            files.Write(dir.File("a.txt"), "a");
            files.Commit();
        }
        Assert.Equal("a", File.ReadAllText(dir.File("a.txt")));
    }
}
