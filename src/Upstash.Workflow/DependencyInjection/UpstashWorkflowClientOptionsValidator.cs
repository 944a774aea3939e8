using Microsoft.Extensions.Options;
using Upstash.Workflow;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Checks the registered options when the host starts (<c>ValidateOnStart</c>), so a missing token or a
/// malformed address stops the application at once, naming what the registration reads, instead of failing
/// its first request.
/// </summary>
/// <param name="source">Where the registration reads the options from, for the messages.</param>
internal sealed class UpstashWorkflowClientOptionsValidator(string source) : IValidateOptions<UpstashWorkflowClientOptions>
{
    public ValidateOptionsResult Validate(string? name, UpstashWorkflowClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems(source);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
