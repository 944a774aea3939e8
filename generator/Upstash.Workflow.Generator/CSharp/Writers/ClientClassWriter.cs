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
/// trimmed and compiled ahead of time. Each call is one method, whose span and duration start only while someone
/// listens (the Azure SDK's scopes are used the same way, inline). A
/// cursor-paged operation also gets a walking method over the operation's own method (the cursor loop is
/// <c>Core.CursorPaging</c>), so a fake that answers pages pages too.
/// </summary>
internal static class ClientClassWriter
{
    /// <summary>The group's one field: the part that runs every call, shared by every group of the root client.</summary>
    private const string Core = "_core";

    /// <summary>The group's class, at the writer's level (a type in a namespace).</summary>
    public static void Write(SourceWriter code, GroupPlan group)
    {
        code.WriteLine($"/// <summary>{GroupsWriter.Summary(group)}</summary>");
        code.WriteLine($"public partial class {group.Class}");
        code.OpenBlock();
        code.WriteLine($$"""
            private readonly {{N.ClientCore}} {{Core}};

            /// <summary>For a mock or a fake of your own: every method is virtual, and one that is not overridden has nothing to send through.</summary>
            protected {{group.Class}}()
            {
                {{Core}} = null!;
            }

            /// <summary>Sends through <paramref name="core"/>: its handler chain, base address, telemetry and deadline.</summary>
            internal {{group.Class}}({{N.ClientCore}} core)
            {
                {{Core}} = core ?? throw new System.ArgumentNullException(nameof(core));
            }
            """);
        foreach (var operation in group.Operations)
        {
            WriteOperation(code, operation);
        }
        code.CloseBlock();
    }

    private static void WriteOperation(SourceWriter code, OperationPlan operation)
    {
        var arguments = operation.Arguments;
        var task = Signatures.Task(operation);
        var method = operation.Method;
        if (operation.BulkFilters is { } filters)
        {
            code.WriteLine();
            code.WriteLine($"/// <summary>The parameters of {method} that select entries (the overlay's x-bulk-filter).</summary>");
            code.WriteLine($"private static readonly string[] {method}Filters_ = [{string.Join(", ", filters.Select(f => $"\"{f}\""))}];");
        }

        code.WriteLine();
        MethodDocsWriter.Method(code, operation, arguments);
        WriteMethod(code, operation, arguments, task);
        WriteShortForm(code, operation, arguments, task);
        if (operation.Paging is { } paging)
        {
            WriteWalker(code, operation, paging);
        }
    }

    /// <summary>
    /// For a call whose optional arguments are its options objects and at most a body, the call without its options
    /// objects (<c>GetFailedRunAsync(id, cancellationToken)</c>, <c>NotifyEventAsync(eventId, payload, cancellationToken)</c>),
    /// as .NET callers pass a token: it stays as it is when upstream adds an optional input (a member of the options).
    /// Not virtual: it calls the full form, which a mock answers.
    /// </summary>
    private static void WriteShortForm(SourceWriter code, OperationPlan operation, IReadOnlyList<Argument> arguments, string task)
    {
        if (!arguments.Any(IsOptions) || arguments.Any(a => a.Optional && a.Parameter is { Role: not ParameterRole.Options }))
        {
            return;
        }
        var kept = arguments.Where(a => !IsOptions(a)).ToList();
        code.WriteLine();
        MethodDocsWriter.Method(code, operation, kept);
        var passed = string.Join(", ", arguments.Select(a => IsOptions(a) ? "null" : a.Name).Append("cancellationToken"));
        code.WriteLine($"""
            public {task} {operation.Method}Async({Signatures.Declare(kept, defaults: false)}) =>
                {operation.Method}Async({passed});
            """);

        static bool IsOptions(Argument argument) => argument.Parameter?.Role == ParameterRole.Options;
    }

    /// <summary>The walking method: the operation's own method, called with each answer's cursor in turn.</summary>
    private static void WriteWalker(SourceWriter code, OperationPlan operation, PagingPlan paging)
    {
        code.WriteLine();
        MethodDocsWriter.Walker(code, operation, paging);
        var arguments = operation.Arguments.Where(a => a.Name != paging.CursorParameter).ToList();
        var items = paging.ItemsProperty is not null;
        var walk = items ? $"{N.Pageable}<{paging.ItemType}>" : $"System.Collections.Generic.IAsyncEnumerable<{operation.ResultType}>";
        var passed = string.Join(", ", operation.Arguments.Select(a => a.Name == paging.CursorParameter ? Locals.Cursor : a.Name));
        code.WriteLine($"public virtual {walk} {paging.Method}Async({Signatures.Declare(arguments, defaults: true)})");
        code.Indentation++;
        code.WriteLine($"=> {N.CursorPaging}.{(items ? N.Items : N.Pages)}(");
        code.Indentation++;
        code.WriteLine($"({Locals.Cursor}, {Locals.PageCancellation}) => {operation.Method}Async({passed}, {Locals.PageCancellation}),");
        if (items)
        {
            code.WriteLine($"{Locals.Page} => {Locals.Page}.{paging.ItemsProperty},");
        }
        code.WriteLine($"{Locals.Page} => {Locals.Page}.{paging.CursorProperty},");
        code.WriteLine("cancellationToken);");
        code.Indentation -= 2;
    }

    /// <summary>
    /// The call, as one method: its span and duration start only while someone listens (otherwise the scope is null and
    /// every use of it a null check), with ids and counts only, never a payload, header value or query; then the request
    /// is built, sent and answered under the call's deadline.
    /// </summary>
    private static void WriteMethod(SourceWriter code, OperationPlan operation, IReadOnlyList<Argument> arguments, string task)
    {
        const string scope = Locals.Scope, request = Locals.Request, url = Locals.Url, deadline = Locals.Deadline, response = Locals.Response, result = Locals.Result;
        code.WriteLine($"public virtual async {task} {operation.Method}Async({Signatures.Declare(arguments, defaults: true)})");
        code.OpenBlock();
        code.WriteLine($"using var {scope} = {Core}.{N.TelemetryProperty}.{N.Listening} ? {Core}.{N.TelemetryProperty}.{N.Start}(\"{operation.SpanName}\", \"{operation.OperationId}\", {Core}.{N.BaseAddress}) : null;");
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.TraceTag is { } tag)
            {
                code.WriteLine($"{scope}?.{N.Tag}(\"{tag}\", {parameter.Name});");
            }
            else if (parameter.TraceCountTag is { } count)
            {
                code.WriteLine($"{scope}?.{N.Count}(\"{count}\", {parameter.Name});");
            }
        }
        code.WriteLine("try");
        code.OpenBlock();
        foreach (var argument in arguments.Where(a => a.Parameter is { NullChecked: true } || a.Parameter is null && operation.Body!.Required))
        {
            code.WriteLine($"System.ArgumentNullException.ThrowIfNull({argument.Name});");
        }
        code.WriteLine($"using var {request} = new System.Net.Http.HttpRequestMessage {{ Method = System.Net.Http.HttpMethod.{operation.HttpMethod} }};");
        foreach (var parameter in operation.Parameters.Where(p => p.In == "header"))
        {
            Send(code, parameter);
        }
        if (operation.Body is { } body)
        {
            var content = body.IsPayload ? $"{body.Name}?.{N.ToHttpContent}()"
                : operation.ForwardTraceContextIn == TraceContextPlace.Body ? $"{Core}.{N.JsonBodyForwardingTraceContext}<{body.Type}>({body.Name})"
                : $"{Core}.{N.JsonBody}<{body.Type}>({body.Name})";
            code.WriteLine($"{request}.Content = {content};");
        }
        if (operation.Accept is { } accept)
        {
            code.WriteLine($"{request}.Headers.TryAddWithoutValidation(\"Accept\", \"{accept}\");");
        }
        // The URL is built on this method's stack (a pooled array only past 256 characters), before anything awaits.
        code.WriteLine($"var {url} = {Core}.{N.StartUrl}(stackalloc char[256]);");
        WritePath(code, operation);
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            Send(code, parameter);
        }
        foreach (var parameter in operation.Parameters.Where(p => p.Role == ParameterRole.Options))
        {
            code.WriteLine($"{parameter.Name}?.{parameter.Writer}({request}, ref {url});");
        }
        if (operation.Parameters.FirstOrDefault(p => p.Role == ParameterRole.BulkSwitch) is { } all)
        {
            code.WriteLine($"{WireWriter.Guard}.{N.CheckBulk}(ref {url}, {all.Name}, {operation.Method}Filters_);");
        }
        code.WriteLine($"{request}.RequestUri = {N.ClientCore}.{N.FinishUrl}(ref {url});");
        if (operation.ForwardTraceContextIn == TraceContextPlace.Headers)
        {
            code.WriteLine($"{Core}.{N.ForwardTraceContext}({request});");
        }
        // The deadline this method holds spans sending, the answer and its body, and ends with it. The send's failures
        // are translated here, not in a helper of its own, so the call costs no second state machine.
        code.WriteLine($$"""
            using var {{deadline}} = {{Core}}.{{N.StartDeadline}}(cancellationToken);
            System.Net.Http.HttpResponseMessage {{response}};
            try
            {
                {{response}} = await {{Core}}.{{N.SendAsync}}({{request}}, {{deadline}}?.Token ?? cancellationToken).ConfigureAwait(false);
            }
            catch (System.Exception {{Locals.Exception}}) when ({{Core}}.{{N.SendFailed}}({{Locals.Exception}}, {{request}}, {{deadline}}, cancellationToken) is { } {{Locals.Failure}})
            {
                throw {{Locals.Failure}};
            }
            using ({{response}})
            """);
        code.OpenBlock();
        // An operation whose only success is a 3xx (redirects are never followed) names it here.
        var redirect = operation.SuccessRedirect is { } status ? $", {status}" : "";
        code.WriteLine($"await {Core}.{N.ProcessResponseAsync}({response}, {scope}, {deadline}, cancellationToken{redirect}).ConfigureAwait(false);");
        if (operation.ResultType is { } type)
        {
            code.WriteLine($"var {result} = await {Core}.{N.ReadJsonAsync}<{type}>({response}, {deadline}, cancellationToken).ConfigureAwait(false);");
            foreach (var trace in operation.TraceAnswer ?? [])
            {
                var value = trace.Read switch
                {
                    TraceRead.Count => $"{result}.{trace.Property}.Count",
                    TraceRead.Present => $"!string.IsNullOrEmpty({result}.{trace.Property})",
                    _ => $"{result}.{trace.Property}",
                };
                code.WriteLine($"{scope}?.{N.Tag}(\"{trace.Tag}\", {value});");
            }
            code.WriteLine($"return {result};");
        }
        code.CloseBlock();
        code.CloseBlock();
        code.WriteLine($$"""
            catch (System.Exception {{Locals.Exception}}) when ({{scope}} is not null && {{scope}}.Failed({{Locals.Exception}}))
            {
                // Never reached: Failed records the failure and returns false, so the exception goes on unchanged.
                throw;
            }
            """);
        code.CloseBlock();
    }

    /// <summary>The path's fixed parts as they are, each parameter as one checked, percent-encoded segment.</summary>
    private static void WritePath(SourceWriter code, OperationPlan operation)
    {
        var path = operation.Path;
        var at = 0;
        while (at < path.Length)
        {
            var open = path.IndexOf('{', at);
            var literal = open < 0 ? path[at..] : path[at..open];
            if (literal.Length > 0)
            {
                code.WriteLine($"{Locals.Url}.Append(\"{literal.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\");");
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
    private static void Send(SourceWriter code, ParameterPlan parameter)
    {
        var value = parameter.Value!;
        if (parameter.Required)
        {
            code.WriteLine(WireWriter.Statement(new SentValue(value, value.Wires[0], parameter.Name, parameter.Name)));
            return;
        }
        var local = Locals.Set(parameter.Name);
        code.WriteLine($"if ({parameter.Name} is {{ }} {local})");
        code.Block(WireWriter.Statement(new SentValue(value, value.Wires[0], local, parameter.Name)));
    }
}
