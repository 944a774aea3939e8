using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Upstash.Workflow.Testing.Dashboard;

/// <summary>
/// The emulator's own web pages, at its root URL: runs, a run's steps, the DLQ, waiters, flow-control keys and the
/// record of deliveries, rendered on the server from the emulator's state. A page never changes anything: its buttons
/// and forms call the REST API (the page's script sends them, marked as the dashboard's), so a click is the operation
/// a client would send, with the same checks, logs and answers.
/// </summary>
/// <remarks>
/// Signing in: a form takes the emulator's token once and sets a session cookie (HttpOnly, SameSite=Strict). The
/// cookie opens the pages; it authenticates an API call only together with the <c>X-Upstash-Dashboard</c> header,
/// which no form and no other site's page can send without the emulator's consent (which it never gives), and the
/// emulator refuses every other origin before this runs.
/// </remarks>
internal sealed class DashboardServer(EmulatorState state, DeliverySender deliveries, string token)
{
    /// <summary>The header the dashboard's script sends with each API call and each live refresh.</summary>
    public const string Header = "X-Upstash-Dashboard";

    private const string Cookie = "upstash-emulator-session";
    private const int MaxSessions = 64;

    // Sessions by id, oldest first out: a browser that signs in again gets a new one.
    private readonly ConcurrentQueue<string> _order = new();
    private readonly ConcurrentDictionary<string, bool> _sessions = new(StringComparer.Ordinal);

    private readonly DashboardPages _pages = new(state, deliveries);

    /// <summary>Whether the request is the dashboard's: a path it serves (the root, <c>/ui/…</c>).</summary>
    public static bool Serves(string[] segments) => segments is [""] or ["ui", ..];

    /// <summary>Whether the request carries a session of this dashboard and its header: an API call a page sent.</summary>
    public bool SignedInCall(HttpRequest request) => request.Headers.ContainsKey(Header) && SignedIn(request);

    public async Task HandleAsync(HttpContext context, string[] segments)
    {
        var request = context.Request;
        Secure(context.Response);
        switch (request.Method, segments)
        {
            case ("GET", ["ui", "dashboard.css"]):
                await Asset(context, "dashboard.css", "text/css; charset=utf-8");
                return;
            case ("GET", ["ui", "dashboard.js"]):
                await Asset(context, "dashboard.js", "text/javascript; charset=utf-8");
                return;
            case ("POST", ["ui", "sign-in"]):
                await SignIn(context);
                return;
        }
        if (!SignedIn(request))
        {
            await Write(context, request.Method == "GET" ? 200 : 401, _pages.SignIn(failed: false).Html);
            return;
        }
        // Read before the page is drawn: a change while it is drawn makes the live refresh redraw it.
        var drawnAt = Version();
        (int Status, string Html)? page = (request.Method, segments) switch
        {
            ("GET", [""]) => _pages.Runs(request.Query["state"].ToString(), request.Query["label"].ToString()),
            ("GET", ["ui", "runs", var id]) => _pages.Run(id),
            ("GET", ["ui", "dlq"]) => _pages.Dlq(),
            ("GET", ["ui", "waiters"]) => _pages.Waiters(),
            ("GET", ["ui", "flow-control"]) => _pages.FlowControl(),
            ("GET", ["ui", "deliveries"]) => _pages.Deliveries(),
            ("GET", ["ui", "version"]) => null,
            _ => _pages.NotFound(),
        };
        if (page is null)
        {
            // What the live refresh asks each second: whether anything changed since the page was drawn.
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(Version().ToString(CultureInfo.InvariantCulture), context.RequestAborted);
            return;
        }
        await Write(context, page.Value.Status, page.Value.Html.Replace("<body>", $"<body data-version=\"{drawnAt}\">", StringComparison.Ordinal));
    }

    /// <summary>A number that changes whenever the state or the record of deliveries does.</summary>
    private long Version() => state.Version + deliveries.Recorded;

    private async Task SignIn(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var given = form["token"].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token)))
        {
            await Write(context, 401, _pages.SignIn(failed: true).Html);
            return;
        }
        var session = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        _sessions[session] = true;
        _order.Enqueue(session);
        while (_order.Count > MaxSessions && _order.TryDequeue(out var oldest))
        {
            _sessions.TryRemove(oldest, out _);
        }
        context.Response.Cookies.Append(Cookie, session, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
        context.Response.StatusCode = 303;
        context.Response.Headers.Location = "/";
    }

    private bool SignedIn(HttpRequest request) => request.Cookies.TryGetValue(Cookie, out var session) && _sessions.ContainsKey(session);

    /// <summary>What every answer of the dashboard carries: its own script and styles only, no framing, no referrer to other sites, no caching.</summary>
    private static void Secure(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        // same-origin, not no-referrer: under no-referrer a browser sends a form's POST with Origin: null, which the emulator refuses.
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.CacheControl = "no-store";
    }

    private static async Task Write(HttpContext context, int status, string html)
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private static async Task Asset(HttpContext context, string name, string contentType)
    {
        await using var stream = typeof(DashboardServer).Assembly.GetManifestResourceStream($"Upstash.Workflow.Testing.Dashboard.{name}")!;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = stream.Length;
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
