using System.Runtime.CompilerServices;
using Xunit.Sdk;
using Upstash.Workflow.Release;

namespace Upstash.Workflow.TestSupport.Generation.Snapshots;

/// <summary>
/// Snapshot assertions with Verify's file conventions: "{Name}.verified.{ext}" beside the test is the
/// reviewed copy and is committed; "{Name}.received.{ext}" is written when the output differs and is
/// ignored by git. Changes are accepted only with UPDATE_SNAPSHOTS=1, and never when CI=true.
/// </summary>
public static class Snapshot
{
    public const string UpdateVariable = "UPDATE_SNAPSHOTS";

    /// <summary>Asserts that <paramref name="actual"/>, with LF line endings, equals the verified snapshot <paramref name="name"/>.</summary>
    public static void Match(string name, string actual, string extension = "txt", [CallerFilePath] string callerFile = "")
    {
        var directory = System.IO.Path.GetDirectoryName(callerFile)!;
        var outcome = Compare(directory, name, extension, actual, SnapshotPolicy.FromEnvironment());
        if (!outcome.Passed)
        {
            throw new XunitException(outcome.Message);
        }
    }

    /// <summary>The verified file <see cref="Match"/> compares with, for a test that reads it first.</summary>
    public static string VerifiedPath(string name, string extension = "txt", [CallerFilePath] string callerFile = "") =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(callerFile)!, $"{name}.verified.{extension}");

    /// <summary>
    /// Asserts that <paramref name="actual"/> equals a reviewed file committed under a name of its own
    /// (one that other tools read, such as openapi/openapi.effective.json); a difference is written
    /// beside it as "{name}.received.{ext}", as for any snapshot.
    /// </summary>
    public static void MatchFile(string verifiedPath, string actual)
    {
        var extension = System.IO.Path.GetExtension(verifiedPath);
        var receivedPath = System.IO.Path.ChangeExtension(verifiedPath, ".received" + extension);
        var outcome = CompareFiles(verifiedPath, receivedPath, System.IO.Path.GetFileName(verifiedPath), actual, SnapshotPolicy.FromEnvironment());
        if (!outcome.Passed)
        {
            throw new XunitException(outcome.Message);
        }
    }

    /// <summary>The comparison behind <see cref="Match"/>, with the policy passed in so it can itself be tested.</summary>
    public static SnapshotOutcome Compare(string directory, string name, string extension, string actual, SnapshotPolicy policy) =>
        CompareFiles(System.IO.Path.Combine(directory, $"{name}.verified.{extension}"), System.IO.Path.Combine(directory, $"{name}.received.{extension}"), name, actual, policy);

    private static SnapshotOutcome CompareFiles(string verifiedPath, string receivedPath, string name, string actual, SnapshotPolicy policy)
    {
        var received = LineEndings.Normalize(actual);
        var verified = File.Exists(verifiedPath) ? LineEndings.Normalize(File.ReadAllText(verifiedPath)) : null;

        if (verified == received)
        {
            File.Delete(receivedPath);
            return SnapshotOutcome.Pass($"{name}: matches {verifiedPath}");
        }

        if (policy.Update && !policy.InCi)
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return SnapshotOutcome.Pass($"{name}: accepted into {verifiedPath} ({UpdateVariable}=1)");
        }

        File.WriteAllText(receivedPath, received);
        var refusal = policy.Update && policy.InCi ? $"{UpdateVariable}=1 is ignored when CI=true: snapshots are accepted on a developer machine and committed.\n" : "";
        var accept = $"Review {receivedPath}; to accept it run the tests with {UpdateVariable}=1 and commit the .verified file.";
        return verified is null
            ? SnapshotOutcome.Fail($"{refusal}Snapshot {name} is missing: no {verifiedPath}.\n{accept}")
            : SnapshotOutcome.Fail($"{refusal}Snapshot {name} differs from {verifiedPath}:\n{LineDiff.Describe(verified, received)}\n{accept}");
    }
}

/// <summary>Whether differences may be accepted: from UPDATE_SNAPSHOTS and CI.</summary>
public sealed record SnapshotPolicy(bool Update, bool InCi)
{
    public static SnapshotPolicy FromEnvironment() => new(
        Environment.GetEnvironmentVariable(Snapshot.UpdateVariable) is "1" or "true",
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase));
}

/// <summary>The result of one snapshot comparison.</summary>
public sealed record SnapshotOutcome(bool Passed, string Message)
{
    public static SnapshotOutcome Pass(string message) => new(true, message);

    public static SnapshotOutcome Fail(string message) => new(false, message);
}
