using Upstash.Workflow.Generator.CSharp.Plan;

namespace Upstash.Workflow.Generator.Tests.Generation;

/// <summary>
/// A typed time or duration is described without the wire's units, in each way the spec's texts phrase them (ours, the
/// overlay's, and upstream's: "unix" or "Unix", units before or after the noun, a duration's units listed line by line).
/// </summary>
public sealed class WireUnitsTests
{
    [Theory]
    [InlineData("When the entry was made, in Unix milliseconds.", "When the entry was made.")]
    [InlineData("The moment the run began (Unix timestamp in milliseconds).", "The moment the run began.")]
    [InlineData("The unix timestamp in milliseconds when the entry was made.", "The time when the entry was made.")]
    [InlineData("The Unix timestamp in seconds when the wait ends.", "The time when the wait ends.")]
    [InlineData("Only runs made at this time. Unix timestamp in milliseconds.", "Only runs made at this time.")]
    [InlineData("Only runs made at this timestamp in milliseconds (Unix timestamp).", "Only runs made at this time.")]
    [InlineData("Entries from this date on in milliseconds (Unix timestamp). Inclusive.", "Entries from this date on. Inclusive.")]
    [InlineData("Hold the run until then.\n\nThe format is a unix timestamp in seconds, counted in UTC.\n\nIt wins over a delay.", "Hold the run until then.\n\nIt wins over a delay.")]
    [InlineData("Hold the run.\n\nThe format of this header is `<value><unit>` where value is a number and unit is one of:\n- `s` for seconds\n- `m` for minutes\n- `h` for hours.\n- `d` for days.", "Hold the run.")]
    [InlineData("Hold the run, as `<number><unit>` with unit s, m, h or d (e.g. \"10s\", \"5m\").", "Hold the run.")]
    [InlineData("The window, in seconds.", "The window.")]
    public void Each_phrasing_of_the_units_goes(string description, string stripped) => Assert.Equal(stripped, WireUnits.Strip(description));

    [Fact]
    public void A_text_about_something_else_stays_as_it_is() =>
        Assert.Equal("How many seconds a step may take is up to the endpoint.", WireUnits.Strip("How many seconds a step may take is up to the endpoint."));
}
