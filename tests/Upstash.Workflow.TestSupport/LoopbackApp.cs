using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Upstash.Workflow.TestSupport;

/// <summary>An ASP.NET Core application on Kestrel at 127.0.0.1 and a free port, as an application team runs theirs in a test.</summary>
public static class LoopbackApp
{
    /// <summary>Builds the application (<paramref name="configure"/> its services, <paramref name="map"/> its endpoints), starts it, and gives its address.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        configure(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync(TestContext.Token);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}
