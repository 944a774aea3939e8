namespace Upstash.Workflow
{
    public class ApiError
    {
        public ApiError() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("error", Required=Newtonsoft.Json.Required.Always)]
        [System.ComponentModel.DataAnnotations.Required(AllowEmptyStrings=true)]
        public string Error { get; set; }
    }
    public class BadRequestException : Upstash.Workflow.UpstashWorkflowException
    {
        public BadRequestException(Upstash.Workflow.ErrorDetails details) { }
    }
    public class DlqClient : Upstash.Workflow.Core.UpstashClientBase, Upstash.Workflow.IDlqClient
    {
        public DlqClient(System.Net.Http.HttpClient httpClient) { }
        protected Newtonsoft.Json.JsonSerializerSettings JsonSerializerSettings { get; }
        public bool ReadResponseAsString { get; set; }
        protected virtual System.Threading.Tasks.Task<Upstash.Workflow.DlqClient.ObjectResponseResult<T>> ReadObjectResponseAsync<T>(System.Net.Http.HttpResponseMessage response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<Upstash.Workflow.RestartWorkflowResult> RestartWorkflowAsync(string dlqId, int? retries = default, string? delay = null, string? retryDelay = null, string? flowControlKey = null, string? flowControlValue = null, string? label = null, string? failureCallback = null, System.Threading.CancellationToken cancellationToken = default) { }
        protected struct ObjectResponseResult<T>
        {
            public ObjectResponseResult(T responseObject, string responseText) { }
            public T Object { get; }
            public string Text { get; }
        }
    }
    public sealed class ErrorDetails : System.IEquatable<Upstash.Workflow.ErrorDetails>
    {
        public ErrorDetails(string Message, int StatusCode, string? Body, string? ErrorMessage, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> Headers) { }
        public string? Body { get; init; }
        public string? ErrorMessage { get; init; }
        public System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> Headers { get; init; }
        public string Message { get; init; }
        public int StatusCode { get; init; }
        public static string? ReadErrorMessage(string? body) { }
    }
    public sealed class FlowControl : System.IEquatable<Upstash.Workflow.FlowControl>
    {
        public FlowControl(string key, int? parallelism = default, int? rate = default, System.TimeSpan? period = default) { }
        public string Key { get; }
        public int? Parallelism { get; }
        public System.TimeSpan? Period { get; }
        public int? Rate { get; }
        public string Value { get; }
    }
    public interface IDlqClient
    {
        System.Threading.Tasks.Task<Upstash.Workflow.RestartWorkflowResult> RestartWorkflowAsync(string dlqId, int? retries = default, string? delay = null, string? retryDelay = null, string? flowControlKey = null, string? flowControlValue = null, string? label = null, string? failureCallback = null, System.Threading.CancellationToken cancellationToken = default);
    }
    public interface IUpstashWorkflowClient
    {
        Upstash.Workflow.IDlqClient Dlq { get; }
    }
    public class NotFoundException : Upstash.Workflow.UpstashWorkflowException
    {
        public NotFoundException(Upstash.Workflow.ErrorDetails details) { }
    }
    public enum RateLimitKind
    {
        Unknown = 0,
        Burst = 1,
        Daily = 2,
    }
    public class RateLimitedException : Upstash.Workflow.UpstashWorkflowException
    {
        public RateLimitedException(Upstash.Workflow.ErrorDetails details) { }
        public Upstash.Workflow.RateLimitKind Kind { get; }
        public long? Limit { get; }
        public long? Remaining { get; }
        public long? Reset { get; }
        public System.TimeSpan? RetryAfter { get; }
    }
    public class RestartWorkflowResult
    {
        public RestartWorkflowResult() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowCreatedAt", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.DateTimeOffset? WorkflowCreatedAt { get; set; }
        [Newtonsoft.Json.JsonProperty("workflowRunId", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? WorkflowRunId { get; set; }
    }
    public class ServerErrorException : Upstash.Workflow.UpstashWorkflowException
    {
        public ServerErrorException(Upstash.Workflow.ErrorDetails details) { }
    }
    public class UnauthorizedException : Upstash.Workflow.UpstashWorkflowException
    {
        public UnauthorizedException(Upstash.Workflow.ErrorDetails details) { }
    }
    public class UpstashWorkflowClient : System.IDisposable, Upstash.Workflow.IUpstashWorkflowClient
    {
        [Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructor]
        public UpstashWorkflowClient(System.Net.Http.HttpClient httpClient) { }
        public UpstashWorkflowClient(Upstash.Workflow.Configuration.UpstashWorkflowClientOptions options, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null) { }
        public virtual Upstash.Workflow.IDlqClient Dlq { get; }
        public void Dispose() { }
        protected virtual void Dispose(bool disposing) { }
        public static void Configure(System.Net.Http.HttpClient httpClient, Upstash.Workflow.Configuration.UpstashWorkflowClientOptions options) { }
        public static System.Net.Http.HttpMessageHandler CreateHandler(Upstash.Workflow.Configuration.UpstashWorkflowClientOptions options, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null) { }
        public static Upstash.Workflow.UpstashWorkflowClient FromEnvironment() { }
    }
    public class UpstashWorkflowException : System.Exception
    {
        public const int MaxBodyLength = 4096;
        public UpstashWorkflowException(Upstash.Workflow.ErrorDetails details, System.Exception? innerException = null) { }
        public UpstashWorkflowException(string message, int statusCode, string? response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, System.Exception? innerException) { }
        public string? ErrorMessage { get; }
        public System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> Headers { get; }
        public string? ResponseBody { get; }
        public int StatusCode { get; }
    }
    public class UpstashWorkflowException<TResult> : Upstash.Workflow.UpstashWorkflowException
    {
        public UpstashWorkflowException(string message, int statusCode, string? response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, TResult result, System.Exception? innerException) { }
        public TResult Result { get; }
    }
    public static class WorkflowDuration
    {
        public static string Format(System.TimeSpan value) { }
    }
    public static class WorkflowLabels
    {
        public static string Join([System.Runtime.CompilerServices.ParamCollection] System.Collections.Generic.IEnumerable<string> labels) { }
    }
}
namespace Upstash.Workflow.Authentication
{
    public sealed class TokenHostPolicy
    {
        public TokenHostPolicy(System.Collections.Generic.IEnumerable<string>? allowedHosts = null) { }
        public void EnsureAllowed(System.Uri uri, Microsoft.Kiota.Abstractions.Authentication.AllowedHostsValidator? providerValidator = null) { }
        public static bool IsUpstashHost(string host) { }
    }
    public enum UpstashAuthMode
    {
        BearerHeader = 0,
        QueryToken = 1,
    }
    public sealed class UpstashAuthenticationHandler : System.Net.Http.DelegatingHandler
    {
        public UpstashAuthenticationHandler(Microsoft.Kiota.Abstractions.Authentication.IAccessTokenProvider tokens, Upstash.Workflow.Authentication.UpstashAuthMode mode, Upstash.Workflow.Authentication.TokenHostPolicy policy, Microsoft.Extensions.Logging.ILogger<Upstash.Workflow.Authentication.UpstashAuthenticationHandler>? logger = null) { }
        protected override System.Threading.Tasks.Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken) { }
    }
    public sealed class UpstashConfigurationException : System.InvalidOperationException
    {
        public UpstashConfigurationException(string message) { }
    }
}
namespace Upstash.Workflow.Configuration
{
    public static class UpstashRegions
    {
        public const string EuCentral1 = "eu-central-1";
        public const string UsEast1 = "us-east-1";
        public static System.Collections.Generic.IReadOnlyList<string> All { get; }
        public static System.Uri BaseAddress(string region) { }
        public static string Normalize(string region) { }
    }
    public sealed class UpstashWorkflowClientOptions
    {
        public static readonly System.Uri DefaultBaseAddress;
        public UpstashWorkflowClientOptions() { }
        public System.Collections.Generic.IList<string> AllowedHosts { get; }
        public Upstash.Workflow.Authentication.UpstashAuthMode AuthMode { get; set; }
        public System.Uri? BaseAddress { get; set; }
        public string? Region { get; set; }
        public System.TimeSpan Timeout { get; set; }
        public string? Token { get; set; }
        public Microsoft.Kiota.Abstractions.Authentication.IAccessTokenProvider? TokenProvider { get; set; }
        public string UserAgent { get; set; }
        public static string DefaultUserAgent { get; }
        public System.Uri ResolveBaseAddress() { }
        public Microsoft.Kiota.Abstractions.Authentication.IAccessTokenProvider ResolveTokenProvider() { }
        public override string ToString() { }
        public static Upstash.Workflow.Configuration.UpstashWorkflowClientOptions FromEnvironment(System.Func<string, string?>? variables = null) { }
    }
}
namespace Upstash.Workflow.Core
{
    public static class RequestGuard
    {
        public static string HeaderValue(string? value, string parameterName) { }
        public static string PathSegment(string? value, string parameterName) { }
    }
    public abstract class UpstashClientBase
    {
        protected UpstashClientBase() { }
        protected virtual System.Threading.Tasks.Task PrepareRequestAsync(System.Net.Http.HttpClient client, System.Net.Http.HttpRequestMessage request, System.Text.StringBuilder urlBuilder, System.Threading.CancellationToken cancellationToken) { }
        protected virtual System.Threading.Tasks.Task PrepareRequestAsync(System.Net.Http.HttpClient client, System.Net.Http.HttpRequestMessage request, string url, System.Threading.CancellationToken cancellationToken) { }
        protected virtual System.Threading.Tasks.Task ProcessResponseAsync(System.Net.Http.HttpClient client, System.Net.Http.HttpResponseMessage response, System.Threading.CancellationToken cancellationToken) { }
    }
}
namespace Upstash.Workflow.Errors
{
    public static class ErrorMapper
    {
        public const int MaxBodyBytes = 65536;
        public static System.Threading.Tasks.Task<Upstash.Workflow.UpstashWorkflowException> FromResponseAsync(System.Net.Http.HttpResponseMessage response, System.Threading.CancellationToken cancellationToken) { }
    }
}
namespace Upstash.Workflow.Serialization
{
    public sealed class UnixTimeMillisecondsConverter : Newtonsoft.Json.JsonConverter
    {
        public UnixTimeMillisecondsConverter() { }
        public override bool CanConvert(System.Type objectType) { }
        public override object? ReadJson(Newtonsoft.Json.JsonReader reader, System.Type objectType, object? existingValue, Newtonsoft.Json.JsonSerializer serializer) { }
        public override void WriteJson(Newtonsoft.Json.JsonWriter writer, object? value, Newtonsoft.Json.JsonSerializer serializer) { }
    }
}