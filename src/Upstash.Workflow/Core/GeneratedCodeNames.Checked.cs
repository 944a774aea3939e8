using Upstash.Workflow.Diagnostics;
using Upstash.Workflow.Serialization;

namespace Upstash.Workflow.Core;

/// <summary>
/// Holds every name in GeneratedCodeNames.cs to what it names, in the library's build only (the generator compiles the
/// names alone): a constant byte cannot be 256, so a name that no longer matches its member stops this build here.
/// </summary>
internal static partial class GeneratedCodeNames
{
    internal const byte Checked =
        CoreNamespace == "Upstash.Workflow." + nameof(Core)
        && DiagnosticsNamespace == "Upstash.Workflow." + nameof(Diagnostics)
        && SerializationNamespace == "Upstash.Workflow." + nameof(Serialization)
        && ClientCore == CoreNamespace + "." + nameof(Core.ClientCore)
        && StartUrl == nameof(Core.ClientCore.StartUrl)
        && SendAsync == nameof(Core.ClientCore.SendAsync)
        && BaseAddress == nameof(Core.ClientCore.BaseAddress)
        && FinishUrl == nameof(Core.ClientCore.FinishUrl)
        && StartDeadline == nameof(Core.ClientCore.StartDeadline)
        && SendFailed == nameof(Core.ClientCore.SendFailed)
        && ProcessResponseAsync == nameof(Core.ClientCore.ProcessResponseAsync)
        && ReadJsonAsync == nameof(Core.ClientCore.ReadJsonAsync)
        && JsonBody == nameof(Core.ClientCore.JsonBody)
        && JsonBodyForwardingTraceContext == nameof(Core.ClientCore.JsonBodyForwardingTraceContext)
        && ForwardTraceContext == nameof(Core.ClientCore.ForwardTraceContext)
        && TelemetryProperty == nameof(Core.ClientCore.Telemetry)
        && UrlBuilder == CoreNamespace + "." + nameof(Core.UrlBuilder)
        && Payload == nameof(WorkflowPayload)
        && ToHttpContent == nameof(WorkflowPayload.ToHttpContent)
        && RequestGuard == CoreNamespace + "." + nameof(Core.RequestGuard)
        && PathSegment == nameof(Core.RequestGuard.PathSegment)
        && HeaderValue == nameof(Core.RequestGuard.HeaderValue)
        && HeaderList == nameof(Core.RequestGuard.HeaderList)
        && PrefixedHeaders == nameof(Core.RequestGuard.PrefixedHeaders)
        && QueryList == nameof(Core.RequestGuard.QueryList)
        && AppendQuery == nameof(Core.RequestGuard.AppendQuery)
        && QueryValue == nameof(Core.RequestGuard.QueryValue)
        && InRange == nameof(Core.RequestGuard.InRange)
        && UnixMilliseconds == nameof(Core.RequestGuard.UnixMilliseconds)
        && UnixSeconds == nameof(Core.RequestGuard.UnixSeconds)
        && DateTimeText == nameof(Core.RequestGuard.DateTimeText)
        && DateText == nameof(Core.RequestGuard.DateText)
        && DurationText == nameof(Core.RequestGuard.DurationText)
        && WholeSeconds == nameof(Core.RequestGuard.WholeSeconds)
        && AbsoluteUrl == nameof(Core.RequestGuard.AbsoluteUrl)
        && CheckBulk == nameof(Core.RequestGuard.CheckBulk)
        && CursorPaging == CoreNamespace + "." + nameof(Core.CursorPaging)
        && Items == nameof(Core.CursorPaging.Items)
        && Pages == nameof(Core.CursorPaging.Pages)
        && Pageable == "Upstash.Workflow." + nameof(UpstashPageable<object>)
        && Telemetry == DiagnosticsNamespace + "." + nameof(UpstashTelemetry)
        && Listening == nameof(UpstashTelemetry.Listening)
        && Start == nameof(UpstashTelemetry.Start)
        && Scope == DiagnosticsNamespace + "." + nameof(OperationScope)
        && Tag == nameof(OperationScope.Tag)
        && Count == nameof(OperationScope.Count)
        && Failed == nameof(OperationScope.Failed)
        && UnixTimeMillisecondsConverter == SerializationNamespace + "." + nameof(Serialization.UnixTimeMillisecondsConverter)
        && UnixTimeSecondsConverter == SerializationNamespace + "." + nameof(Serialization.UnixTimeSecondsConverter)
        && DurationSecondsConverter == SerializationNamespace + "." + nameof(Serialization.DurationSecondsConverter)
        && ReadableValueConverterFactory == SerializationNamespace + "." + nameof(Serialization.ReadableValueConverterFactory)
        && UriConverter == SerializationNamespace + "." + nameof(Serialization.UriConverter)
        && ExtensibleEnumConverter == SerializationNamespace + "." + nameof(ExtensibleEnumConverter<WorkflowRunState>)
        && ExtensibleEnum == SerializationNamespace + "." + nameof(IExtensibleEnum<WorkflowRunState>)
        && FromWire == nameof(IExtensibleEnum<WorkflowRunState>.FromWire)
            ? 0 : 256;
}
