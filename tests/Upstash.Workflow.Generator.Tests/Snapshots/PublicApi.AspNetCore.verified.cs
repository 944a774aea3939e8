namespace Microsoft.Extensions.DependencyInjection
{
    public static class UpstashReceivingExtensions
    {
        public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddUpstashSignatureVerification(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration? configuration = null, System.Action<Upstash.Workflow.UpstashSignatureVerifierOptions>? configure = null) { }
        [System.Diagnostics.CodeAnalysis.RequiresDynamicCode("Binds the delegate\'s parameters by reflection, as MapPost(string, Delegate) does." +
            " Use the overload taking a Func<WorkflowFailureCallback, HttpContext, Task> in a" +
            " native AOT application.")]
        [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("Binds the delegate\'s parameters by reflection, as MapPost(string, Delegate) does." +
            " Use the overload taking a Func<WorkflowFailureCallback, HttpContext, Task> in a" +
            " trimmed application.")]
        public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapUpstashFailureCallback(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, System.Delegate handler) { }
        public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapUpstashFailureCallback(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, System.Func<Upstash.Workflow.WorkflowFailureCallback, Microsoft.AspNetCore.Http.HttpContext, System.Threading.Tasks.Task> handler) { }
        public static TBuilder RequireUpstashSignature<TBuilder>(this TBuilder builder)
            where TBuilder : Microsoft.AspNetCore.Builder.IEndpointConventionBuilder { }
    }
}
namespace Upstash.Workflow.AspNetCore
{
    public sealed class UpstashReceivingOptions
    {
        public UpstashReceivingOptions() { }
        public long MaxBodySize { get; set; }
        public System.Uri? PublicBaseUrl { get; set; }
        public bool VerifyUrl { get; set; }
    }
}