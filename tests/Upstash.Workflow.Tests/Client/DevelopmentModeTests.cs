namespace Upstash.Workflow.Tests.Client;

/// <summary><c>QSTASH_DEV</c> on the .NET side, as the official SDKs read it: the development server's address, token and keys.</summary>
public sealed class DevelopmentModeTests
{
    private static Func<string, string?> Variables(params (string Name, string Value)[] set) =>
        name => set.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    public void Development_mode_points_the_client_at_the_development_server(string on)
    {
        var options = UpstashWorkflowClientOptions.FromEnvironment(Variables(("QSTASH_DEV", on), ("QSTASH_TOKEN", "ignored-in-dev-mode"), ("QSTASH_URL", "https://qstash.upstash.io")));

        Assert.Equal((new Uri("http://127.0.0.1:8080"), UpstashDevelopmentServer.Token), (options.BaseAddress, options.Token));
    }

    [Fact]
    public void Its_port_comes_from_QSTASH_DEV_PORT_and_what_the_options_set_is_kept()
    {
        var moved = UpstashWorkflowClientOptions.FromEnvironment(Variables(("QSTASH_DEV", "true"), ("QSTASH_DEV_PORT", "9123")));
        var configured = new UpstashWorkflowClientOptions { Token = "mine", BaseAddress = new Uri("http://127.0.0.1:7000") };
        configured.FillFromEnvironment(Variables(("QSTASH_DEV", "true")));

        Assert.Equal(new Uri("http://127.0.0.1:9123"), moved.BaseAddress);
        Assert.Equal(("mine", new Uri("http://127.0.0.1:7000")), (configured.Token, configured.BaseAddress));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    [InlineData("0")]
    public void Off_the_environment_is_read_as_always(string? off)
    {
        var options = UpstashWorkflowClientOptions.FromEnvironment(Variables(("QSTASH_DEV", off!), ("QSTASH_TOKEN", "real"), ("QSTASH_URL", "https://qstash.upstash.io")));
        var keys = UpstashSignatureVerifierOptions.FromEnvironment(variables: Variables(("QSTASH_DEV", off!), ("QSTASH_CURRENT_SIGNING_KEY", "sig_real")));

        Assert.Equal(("real", "sig_real"), (options.Token, keys.CurrentSigningKey));
    }

    [Fact]
    public void Development_mode_gives_the_verifier_the_development_keys()
    {
        var keys = UpstashSignatureVerifierOptions.FromEnvironment(variables: Variables(("QSTASH_DEV", "true"), ("QSTASH_CURRENT_SIGNING_KEY", "sig_real")));

        Assert.Equal((UpstashDevelopmentServer.CurrentSigningKey, UpstashDevelopmentServer.NextSigningKey), (keys.CurrentSigningKey, keys.NextSigningKey));
    }

    [Fact]
    public void A_value_it_cannot_read_is_refused_with_the_ones_it_can()
    {
        var error = Assert.Throws<UpstashConfigurationException>(() => UpstashWorkflowClientOptions.FromEnvironment(Variables(("QSTASH_DEV", "yes"))));

        Assert.Contains("QSTASH_DEV is 'yes'", error.Message, StringComparison.Ordinal);
    }
}
