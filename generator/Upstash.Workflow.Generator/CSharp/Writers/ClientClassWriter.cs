using System.Text;
using Upstash.Workflow.Generator.CSharp.Plan;
using N = Upstash.Workflow.Core.GeneratedCodeNames;

namespace Upstash.Workflow.Generator.CSharp.Writers;

/// <summary>
/// Writes each group's public class: what users call and mock. It is a class with virtual methods, as the Azure SDK's
/// clients are, so that an operation upstream adds is a new method, not a break of every implementation an interface
/// would have had; its protected constructor is for mocks and fakes. Each method builds the request as the plan
/// describes it (every path, query and header value through <see cref="WireWriter"/>'s checks, options objects through
/// their types' writers), sends it, lets the group's <c>ClientCore</c> turn every answer that is not a success into its
/// typed exception, and reads a success body through the generated JSON context: no reflection, so the client can be
/// trimmed and compiled ahead of time. Each call has a plain path and, while someone listens, a traced one. A
/// cursor-paged operation also gets a walking method over the operation's own method (the cursor loop is
/// <c>Core.CursorPaging</c>), so a fake that answers pages pages too.
/// </summary>
internal static class ClientClassWriter
{
    private const string Member = "        ";
    private const string Body = "            ";

    /// <summary>The group's fields: the part that runs every call, and the <see cref="HttpClient"/> it sends through.</summary>
    private const string Core = "_core";
    private const string Http = "_httpClient";

    public static void Write(StringBuilder code, GroupPlan group, ClientPlan plan)
    {
        code.Append($$"""
                /// <summary>{{GroupsWriter.Summary(group)}}</summary>
                public partial class {{group.Class}}
                {
                    private readonly {{N.ClientCore}} {{Core}};
                    private readonly System.Net.Http.HttpClient {{Http}};

                    /// <summary>For a mock or a fake of your own: every method is virtual, and one that is not overridden has nothing to send through.</summary>
                    protected {{group.Class}}()
                    {
                        {{Core}} = null!;
                        {{Http}} = null!;
                    }

                    /// <summary>Sends through <paramref name="httpClient"/>, which carries the base address and the handlers; traced and measured by <paramref name="telemetry"/>; each call within <paramref name="timeout"/>, body included.</summary>
                    internal {{group.Class}}(System.Net.Http.HttpClient httpClient, {{N.Telemetry}}? telemetry = null, System.TimeSpan? timeout = null)
                    {
                        {{Http}} = httpClient ?? throw new System.ArgumentNullException(nameof(httpClient));
                        {{Core}} = new {{N.ClientCore}}({{plan.JsonContext}}.Default, telemetry, timeout);
                    }

            """);
        foreach (var operation in group.Operations)
        {
            WriteOperation(code, operation);
        }
        code.Append("    }\n\n");
    }

    private static void WriteOperation(StringBuilder code, OperationPlan operation)
    {
        var arguments = operation.Arguments;
        var task = Signatures.Task(operation);
        var passed = Signatures.Pass(arguments);
        var method = operation.Method;
        if (operation.BulkFilters is { } filters)
        {
            code.Append($"\n{Member}/// <summary>The parameters of {method} that select entries (the overlay's x-bulk-filter).</summary>\n");
            code.Append($"{Member}private static readonly string[] {method}Filters_ = [{string.Join(", ", filters.Select(f => $"\"{f}\""))}];\n");
        }

        code.Append('\n');
        MethodDocsWriter.Method(code, operation, arguments);
        code.Append($"{Member}public virtual {task} {method}Async({Signatures.Declare(arguments, defaults: true)}) =>\n");
        code.Append($"{Member}    // While nobody listens, the call is the plain one: no span, no measurement, nothing allocated for them.\n");
        code.Append($"{Member}    {Core}.{N.TelemetryProperty}.{N.Listening} ? {method}TracedAsync({passed}) : {method}CoreAsync({passed}, null);\n");
        WriteShortForm(code, operation, arguments, task);
        if (operation.Paging is { } paging)
        {
            WriteWalker(code, operation, paging);
        }

        WriteTraced(code, operation, arguments, task, passed);
        WriteCore(code, operation, arguments, task);
    }

    /// <summary>
    /// For a call whose optional arguments are its options objects and at most a body, the call without its options
    /// objects (<c>GetFailedRunAsync(id, cancellationToken)</c>, <c>NotifyEventAsync(eventId, payload, cancellationToken)</c>),
    /// as .NET callers pass a token: it stays as it is when upstream adds an optional input (a member of the options).
    /// Not virtual: it calls the full form, which a mock answers.
    /// </summary>
    private static void WriteShortForm(StringBuilder code, OperationPlan operation, IReadOnlyList<Argument> arguments, string task)
    {
        if (!arguments.Any(IsOptions) || arguments.Any(a => a.Optional && a.Parameter is { Role: not ParameterRole.Options }))
        {
            return;
        }
        var kept = arguments.Where(a => !IsOptions(a)).ToList();
        code.Append('\n');
        MethodDocsWriter.Method(code, operation, kept);
        var passed = string.Join(", ", arguments.Select(a => IsOptions(a) ? "null" : a.Name).Append("cancellationToken"));
        code.Append($"{Member}public {task} {operation.Method}Async({Signatures.Declare(kept, defaults: false)}) =>\n");
        code.Append($"{Member}    {operation.Method}Async({passed});\n");

        static bool IsOptions(Argument argument) => argument.Parameter?.Role == ParameterRole.Options;
    }

    /// <summary>The walking method: the operation's own method, called with each answer's cursor in turn.</summary>
    private static void WriteWalker(StringBuilder code, OperationPlan operation, PagingPlan paging)
    {
        code.Append('\n');
        MethodDocsWriter.Walker(code, operation, paging);
        var arguments = operation.Arguments.Where(a => a.Name != paging.CursorParameter).ToList();
        var walk = paging.ItemsProperty is not null
            ? $"{N.Pageable}<{paging.ItemType}>"
            : $"System.Collections.Generic.IAsyncEnumerable<{operation.ResultType}>";
        var passed = string.Join(", ", operation.Arguments.Select(a => a.Name == paging.CursorParameter ? "cursor_" : a.Name));
        code.Append($"{Member}public virtual {walk} {paging.Method}Async({Signatures.Declare(arguments, defaults: true)})\n");
        code.Append($"{Member}    => {N.CursorPaging}.{(paging.ItemsProperty is not null ? N.Items : N.Pages)}(\n");
        code.Append($"{Member}        (cursor_, cancellationToken_) => {operation.Method}Async({passed}, cancellationToken_),\n");
        if (paging.ItemsProperty is not null)
        {
            code.Append($"{Member}        page_ => page_.{paging.ItemsProperty},\n");
        }
        code.Append($"{Member}        page_ => page_.{paging.CursorProperty},\n");
        code.Append($"{Member}        cancellationToken);\n");
    }

    private static void WriteTraced(StringBuilder code, OperationPlan operation, IReadOnlyList<Argument> arguments, string task, string passed)
    {
        var method = operation.Method;
        code.Append($"\n{Member}/// <summary>The call inside its span (\"{operation.SpanName}\") and duration: ids and counts only, never a payload, header value or query.</summary>\n");
        code.Append($"{Member}private async {task} {method}TracedAsync({Signatures.Declare(arguments, defaults: false)})\n{Member}{{\n");
        code.Append($"{Body}using var scope_ = {Core}.{N.TelemetryProperty}.{N.Start}(\"{operation.SpanName}\", \"{operation.OperationId}\", {Http});\n");
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.TraceTag is { } tag)
            {
                code.Append($"{Body}scope_?.{N.Tag}(\"{tag}\", {parameter.Name});\n");
            }
            else if (parameter.TraceCountTag is { } count)
            {
                code.Append($"{Body}scope_?.{N.Count}(\"{count}\", {parameter.Name});\n");
            }
        }
        code.Append($"{Body}try\n{Body}{{\n");
        if (operation.ResultType is not null)
        {
            code.Append($"{Body}    var result_ = await {method}CoreAsync({passed}, scope_).ConfigureAwait(false);\n");
            foreach (var trace in operation.TraceAnswer ?? [])
            {
                var value = trace.Read switch
                {
                    TraceRead.Count => $"result_.{trace.Property}.Count",
                    TraceRead.Present => $"!string.IsNullOrEmpty(result_.{trace.Property})",
                    _ => $"result_.{trace.Property}",
                };
                code.Append($"{Body}    scope_?.{N.Tag}(\"{trace.Tag}\", {value});\n");
            }
            code.Append($"{Body}    return result_;\n");
        }
        else
        {
            code.Append($"{Body}    await {method}CoreAsync({passed}, scope_).ConfigureAwait(false);\n");
        }
        code.Append($$"""
                        }
                        catch (System.Exception exception_) when (scope_ is not null && scope_.Failed(exception_))
                        {
                            // Never reached: Failed records the failure and returns false, so the exception goes on unchanged.
                            throw;
                        }
                    }

            """);
    }

    private static void WriteCore(StringBuilder code, OperationPlan operation, IReadOnlyList<Argument> arguments, string task)
    {
        code.Append($"\n{Member}/// <summary>The call itself; <paramref name=\"scope_\"/>, when someone listens, gets the answer's status from the response this method holds.</summary>\n");
        code.Append($"{Member}private async {task} {operation.Method}CoreAsync({Signatures.Declare(arguments, defaults: false)}, {N.Scope}? scope_)\n{Member}{{\n");
        foreach (var argument in arguments.Where(a => a.Parameter is { NullChecked: true } || a.Parameter is null && operation.Body!.Required))
        {
            code.Append($"{Body}System.ArgumentNullException.ThrowIfNull({argument.Name});\n");
        }
        code.Append($"{Body}using var request_ = new System.Net.Http.HttpRequestMessage {{ Method = System.Net.Http.HttpMethod.{operation.HttpMethod} }};\n");
        foreach (var parameter in operation.Parameters.Where(p => p.In == "header"))
        {
            Send(code, parameter);
        }
        if (operation.Body is { } body)
        {
            var content = body.IsPayload ? $"{body.Name}?.{N.ToHttpContent}()"
                : operation.ForwardTraceContextIn == TraceContextPlace.Body ? $"{Core}.{N.JsonBodyForwardingTraceContext}<{body.Type}>({body.Name})"
                : $"{Core}.{N.JsonBody}<{body.Type}>({body.Name})";
            code.Append($"{Body}request_.Content = {content};\n");
        }
        if (operation.ResultType is not null)
        {
            code.Append($"{Body}request_.Headers.TryAddWithoutValidation(\"Accept\", \"{operation.Accept}\");\n");
        }
        // The URL is built on this method's stack (a pooled array only past 256 characters), before anything awaits.
        code.Append($"{Body}var url_ = {N.ClientCore}.{N.StartUrl}({Http}, stackalloc char[256]);\n");
        WritePath(code, operation);
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            Send(code, parameter);
        }
        foreach (var parameter in operation.Parameters.Where(p => p.Role == ParameterRole.Options))
        {
            code.Append($"{Body}{parameter.Name}?.{parameter.Writer}(request_, ref url_);\n");
        }
        code.Append($"{Body}request_.RequestUri = {N.ClientCore}.{N.FinishUrl}(ref url_);\n");
        if (operation.ForwardTraceContextIn == TraceContextPlace.Headers)
        {
            code.Append($"{Body}{Core}.{N.ForwardTraceContext}(request_);\n");
        }
        if (operation.SuccessRedirect is { } redirect)
        {
            code.Append($"{Body}request_.Options.Set({N.ClientCore}.{N.SuccessRedirect}, {redirect});\n");
        }
        if (operation.Parameters.FirstOrDefault(p => p.Role == ParameterRole.BulkSwitch) is { } all)
        {
            code.Append($"{Body}{WireWriter.Guard}.{N.CheckBulk}(request_, {all.Name}, {operation.Method}Filters_);\n");
        }
        // The deadline this method holds spans sending, the answer and its body, and ends with it. The send's failures
        // are translated here, not in a helper of its own, so the call costs no second state machine.
        code.Append($$"""
                        using var deadline_ = {{Core}}.{{N.StartDeadline}}(cancellationToken);
                        System.Net.Http.HttpResponseMessage response_;
                        try
                        {
                            response_ = await {{Http}}.SendAsync(request_, System.Net.Http.HttpCompletionOption.ResponseHeadersRead, deadline_?.Token ?? cancellationToken).ConfigureAwait(false);
                        }
                        catch (System.Exception exception_) when ({{Core}}.{{N.SendFailed}}(exception_, request_, deadline_, cancellationToken) is { } failure_)
                        {
                            throw failure_;
                        }
                        using (response_)
                        {
                            await {{Core}}.{{N.ProcessResponseAsync}}(response_, scope_, deadline_, cancellationToken).ConfigureAwait(false);

            """);
        if (operation.ResultType is { } result)
        {
            code.Append($"{Body}    return await {Core}.{N.ReadJsonAsync}<{result}>(response_, deadline_, cancellationToken).ConfigureAwait(false);\n");
        }
        code.Append($"{Body}}}\n{Member}}}\n");
    }

    /// <summary>The path's fixed parts as they are, each parameter as one checked, percent-encoded segment.</summary>
    private static void WritePath(StringBuilder code, OperationPlan operation)
    {
        var path = operation.Path;
        var at = 0;
        while (at < path.Length)
        {
            var open = path.IndexOf('{', at);
            var literal = open < 0 ? path[at..] : path[at..open];
            if (literal.Length > 0)
            {
                code.Append($"{Body}url_.Append(\"{literal.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\");\n");
            }
            if (open < 0)
            {
                break;
            }
            var close = path.IndexOf('}', open);
            var name = path[(open + 1)..close];
            Send(code, operation.Parameters.First(p => p.In == "path" && p.Wire == name));
            at = close + 1;
        }
    }

    /// <summary>A plain value: sent as it is when required, else only when set.</summary>
    private static void Send(StringBuilder code, ParameterPlan parameter)
    {
        var value = parameter.Value!;
        if (parameter.Required)
        {
            code.Append(Body).Append(WireWriter.Statement(value, value.Wires[0], parameter.Name, parameter.Name, "request_", "url_")).Append('\n');
            return;
        }
        var local = parameter.Name + "_";
        code.Append($"{Body}if ({parameter.Name} is {{ }} {local})\n{Body}{{\n");
        code.Append($"{Body}    ").Append(WireWriter.Statement(value, value.Wires[0], local, parameter.Name, "request_", "url_")).Append('\n');
        code.Append($"{Body}}}\n");
    }
}
