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
    public class DlqClient : Upstash.Workflow.IDlqClient
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
    public interface IDlqClient
    {
        System.Threading.Tasks.Task<Upstash.Workflow.RestartWorkflowResult> RestartWorkflowAsync(string dlqId, int? retries = default, string? delay = null, string? retryDelay = null, string? flowControlKey = null, string? flowControlValue = null, string? label = null, string? failureCallback = null, System.Threading.CancellationToken cancellationToken = default);
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
    public class UpstashWorkflowException : System.Exception
    {
        public UpstashWorkflowException(string message, int statusCode, string? response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, System.Exception? innerException) { }
        public System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> Headers { get; }
        public string? Response { get; }
        public int StatusCode { get; }
        public override string ToString() { }
    }
    public class UpstashWorkflowException<TResult> : Upstash.Workflow.UpstashWorkflowException
    {
        public UpstashWorkflowException(string message, int statusCode, string? response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, TResult result, System.Exception? innerException) { }
        public TResult Result { get; }
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