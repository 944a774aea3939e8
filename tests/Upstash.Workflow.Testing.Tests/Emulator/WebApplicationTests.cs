using Upstash.Workflow.TestSupport.Emulator;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.Testing.Tests.Support;
// The sample's Program by a name of its own: the quick start's (in the global namespace) would win over an imported one.
using SampleApp = Upstash.Workflow.Samples.WebApp.Program;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// An application's own tests (samples/WebApp), as docs/testing.md shows them: WebApplicationFactory runs the app,
/// one line points its registered client at the emulator.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class WebApplicationTests
{
    [Fact]
    public async Task Failed_runs_are_restarted_through_the_apps_registered_client()
    {
        using var environment = new EnvironmentVariables();
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        var nightly = upstash.AddFailedRun("https://shop.example/api/nightly", labels: ["nightly"]);
        var other = upstash.AddFailedRun("https://shop.example/api/signup", labels: ["signup"]);
        await using var app = new WebApplicationFactory<SampleApp>()
            .WithWebHostBuilder(web => web.ConfigureTestServices(services => services.UseUpstashWorkflowEmulator(upstash)));
        using var http = app.CreateClient();

        var response = await http.PostAsync("/failed-runs/nightly/restart", null, TestContext.Token);

        response.EnsureSuccessStatusCode();
        var restarted = Assert.Single((await response.Content.ReadFromJsonAsync<string[]>(TestContext.Token))!);
        Assert.Equal([other], upstash.FailedRunIds);
        Assert.Equal(["nightly"], upstash.Run(restarted)!.Labels);
        Assert.DoesNotContain(nightly, upstash.FailedRunIds);
    }

    [Fact]
    public void Without_a_token_and_a_signing_key_the_app_does_not_start_and_says_what_it_reads()
    {
        using var environment = new EnvironmentVariables();
        using var app = new WebApplicationFactory<SampleApp>();

        var error = Assert.Throws<AggregateException>(() => app.CreateClient());

        Assert.Equal(
            [
                "No Upstash token: set Token in the configuration section 'Upstash', or the environment variable QSTASH_TOKEN (a TokenProvider set in code also does).",
                "No Upstash signing key: set CurrentSigningKey in the configuration section 'Upstash', or the environment variable QSTASH_CURRENT_SIGNING_KEY.",
            ],
            error.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
    }

    [Fact]
    public async Task Without_a_token_in_configuration_the_app_takes_the_environments()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        upstash.AddFailedRun("https://shop.example/api/nightly", labels: ["nightly"]);
        using var environment = new EnvironmentVariables(new Dictionary<string, string>
        {
            ["QSTASH_TOKEN"] = upstash.Token,
            ["QSTASH_URL"] = upstash.BaseAddress.AbsoluteUri,
            ["QSTASH_CURRENT_SIGNING_KEY"] = upstash.SigningKeys.Current,
        });
        // The app's configuration names a region; the environment's address must not win over it, so the test clears it.
        await using var app = new WebApplicationFactory<SampleApp>().WithWebHostBuilder(web => web.UseSetting("Upstash:Region", ""));
        using var http = app.CreateClient();

        var response = await http.PostAsync("/failed-runs/nightly/restart", null, TestContext.Token);

        response.EnsureSuccessStatusCode();
        Assert.Empty(upstash.FailedRunIds);
    }
}
