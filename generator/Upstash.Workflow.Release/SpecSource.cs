using System.Security.Cryptography;

namespace Upstash.Workflow.Release;

/// <summary>
/// Upstream's file as published: read from a path, or from an https URL within a time and size limit. A file that cannot
/// be read fails the command (<see cref="UpdateFailedException"/>): it is no verdict on upstream's spec.
/// </summary>
public static class SpecSource
{
    /// <summary>Far above any spec upstream publishes (about 100 KB), far below what could hurt.</summary>
    public const int MaxSize = 8 * 1024 * 1024;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<byte[]> ReadAsync(string source, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.IsFile)
        {
            var info = new FileInfo(source);
            if (!info.Exists)
            {
                throw new UpdateFailedException($"UG0001: no spec at {source}");
            }
            if (info.Length > MaxSize)
            {
                throw new UpdateFailedException($"UG0001: {source} is {info.Length} bytes, more than the {MaxSize} a spec may have");
            }
            return await File.ReadAllBytesAsync(source, cancellationToken);
        }
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
        {
            throw new UpdateFailedException($"UG0001: {source}: only https URLs (or a path) are read");
        }
        using var http = new HttpClient { Timeout = Timeout, MaxResponseContentBufferSize = MaxSize };
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new UpdateFailedException($"UG0001: {source} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new UpdateFailedException($"UG0001: {source} could not be read: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UpdateFailedException($"UG0001: {source} did not answer within {Timeout.TotalSeconds:0} s");
        }
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Sha256(string path) => Sha256(File.ReadAllBytes(path));
}
