using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;

namespace OneStop.Tests.Domain.Deadlines;

/// <summary>A procedure's own cut-off: a time of day or a span before the last session ends.</summary>
public sealed class CutOffRuleTests
{
    private static readonly OfficeHours ClosingAt1730 = new(
        [new WorkSession(new LocalTime(8, 0), new LocalTime(12, 0)), new WorkSession(new LocalTime(13, 30), new LocalTime(17, 30))],
        new LocalTime(15, 0),
        []);

    [Theory]
    [InlineData("16:00", "16:00", "16:00")]
    [InlineData(" Closing-1H ", "closing-1h", "16:30")]
    [InlineData("closing-90m", "closing-90m", "16:00")]
    [InlineData("closing-120m", "closing-2h", "15:30")]
    public void Parse_ValidText_GivesCanonicalTextAndResolvesAgainstTheHours(string text, string canonical, string resolved)
    {
        var rule = CutOffRule.Parse(text);

        Assert.NotNull(rule);
        Assert.Equal(canonical, rule.Text);
        Assert.Equal(resolved, rule.Resolve(ClosingAt1730).ToString("HH:mm", null));
    }

    [Theory]
    [InlineData("closing-0m")]
    [InlineData("closing-481m")]
    [InlineData("closing-9h")]
    [InlineData("closing-h")]
    [InlineData("closing-1d")]
    [InlineData("24:00")]
    [InlineData("3pm")]
    public void Parse_NotARule_IsNull(string text) => Assert.Null(CutOffRule.Parse(text));

    [Fact]
    public void Apply_NoRule_KeepsTheAgencysHours()
    {
        Assert.Same(ClosingAt1730, CutOffRule.Apply(null, ClosingAt1730));
        Assert.Equal(new LocalTime(16, 30), CutOffRule.Apply("closing-1h", ClosingAt1730).CutOff);
        Assert.Equal(ClosingAt1730.Sessions, CutOffRule.Apply("closing-1h", ClosingAt1730).Sessions);
    }

    [Fact]
    public void Apply_StoredTextThatIsNotARule_Throws() =>
        Assert.Throws<FormatException>(() => CutOffRule.Apply("soon", ClosingAt1730));
}
