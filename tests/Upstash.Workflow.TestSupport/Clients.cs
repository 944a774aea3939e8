using Upstash.Workflow.Authentication;

namespace Upstash.Workflow.TestSupport;

/// <summary>Clients pointed at a loopback server, the way users construct them.</summary>
public static class Clients
{
    /// <summary>Has the characters a query string must escape.</summary>
    public const string Token = "eyJVc2VySUQiOiJ0ZXN0+dXNlci/Rva2Vu==";

    public static UpstashWorkflowClient For(RecordingServer server, UpstashAuthMode mode = UpstashAuthMode.BearerHeader, string token = Token) =>
        new(new UpstashWorkflowClientOptions { BaseAddress = server.BaseAddress, Token = token, AuthMode = mode });

    /// <summary>Everything an exception shows: message, ToString, inner exceptions and Data.</summary>
    public static string Everything(Exception exception)
    {
        var text = new System.Text.StringBuilder();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            text.AppendLine(e.Message).AppendLine(e.ToString());
            foreach (System.Collections.DictionaryEntry entry in e.Data)
            {
                text.AppendLine($"{entry.Key}={entry.Value}");
            }
            if (e is UpstashWorkflowException api)
            {
                text.AppendLine(api.ResponseBody).AppendLine(api.RequestUri?.ToString());
                foreach (var (name, values) in api.Headers)
                {
                    text.AppendLine($"{name}: {string.Join(",", values)}");
                }
            }
        }
        return text.ToString();
    }
}
