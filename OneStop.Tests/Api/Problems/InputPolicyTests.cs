using System.Text;
using OneStop.Api.Problems;

namespace OneStop.Tests.Api.Problems;

public sealed class InputPolicyTests
{
    [Theory]
    [InlineData("Nguyễn Văn A", false, -1)]
    [InlineData("dòng 1\r\ndòng 2", true, -1)] // a text area posts CR LF
    [InlineData("dòng 1\ndòng 2", false, 6)] // a line break in a single-line field
    [InlineData("a\u0000b", true, 1)] // NUL: PostgreSQL refuses it with a 500
    [InlineData("a\tb", true, 1)] // tab: a C0 control
    [InlineData("a\u007Fb", true, 1)] // DEL
    [InlineData("a\u0085b", true, 1)] // C1 "next line"
    [InlineData("hoadon\u202Etxt.exe", false, 6)] // right-to-left override: reads as "hoadonexe.txt"
    [InlineData("a\u2066b", false, 1)] // left-to-right isolate
    [InlineData("a\uFFFEb", false, 1)] // a non-character
    [InlineData("😀", false, -1)] // a surrogate pair is one character
    public void FirstForbidden_Text_FindsTheFirstRefusedCharacter(string text, bool multiLine, int expected) =>
        Assert.Equal(expected, InputPolicy.FirstForbidden(text, multiLine));

    [Theory]
    [InlineData(0xD800)] // a lone high surrogate (built here: test data with one would not survive serialisation)
    [InlineData(0xDC00)] // a lone low surrogate
    public void FirstForbidden_LoneSurrogate_IsRefused(int surrogate) =>
        Assert.Equal(1, InputPolicy.FirstForbidden("a" + (char)surrogate + "b", multiLine: true));

    [Fact]
    public void OptionalText_Decomposed_IsStoredComposed()
    {
        var decomposed = "Nguyễn".Normalize(NormalizationForm.FormD);
        var validation = new Validation();

        var text = InputPolicy.OptionalText(" " + decomposed + " ", "fullName", 200, validation);

        Assert.True(validation.IsValid);
        Assert.NotEqual("Nguyễn", decomposed);
        Assert.Equal("Nguyễn", text);
    }

    [Theory]
    [InlineData("a\u0000b", "Contains a control")]
    [InlineData("xxxxxx", "At most 5 characters.")]
    public void Text_Refused_NamesTheField(string value, string message)
    {
        var validation = new Validation();

        InputPolicy.Text(value, "reason", 5, validation);

        Assert.StartsWith(message, Assert.Single(validation.Errors["reason"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-03-03T09:00:00+07:00", true)]
    [InlineData("1900-01-01T00:00:00+07:00", true)] // the calendar's first day
    [InlineData("2199-12-31T23:59:59+07:00", true)] // and its last
    [InlineData("1899-12-31T23:59:59+07:00", false)]
    [InlineData("2200-01-01T00:00:00+07:00", false)] // broke the supervisor's reports when a receipt was re-issued to it
    [InlineData("0001-01-01T00:00:00+07:00", false)] // gave 500 as the dossier list's dueBefore
    [InlineData("9999-12-31T23:59:59+07:00", false)]
    [InlineData("2199-12-31T20:00:00-05:00", false)] // 2200 in office time
    [InlineData("2025-03-03T09:00:00+07:00\u0000junk", false)]
    [InlineData("2025-03-03T09:00:00+07:00junk", false)]
    [InlineData("2025-03-03", false)] // an instant needs its time and offset
    public void Instant_Value_IsAcceptedOnlyWithinTheCalendar(string value, bool accepted)
    {
        var validation = new Validation();

        var instant = InputPolicy.Instant(value, "appointmentAt", validation);

        Assert.Equal(accepted, instant is not null);
        Assert.Equal(accepted, validation.IsValid);
    }

    [Theory]
    [InlineData("2026-11-24", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("2200-01-01", false)]
    [InlineData("2026-11-24\u0000junk", false)]
    public void Date_Value_IsAcceptedOnlyWithinTheCalendar(string value, bool accepted)
    {
        var validation = new Validation();

        Assert.Equal(accepted, InputPolicy.Date(value, "from", validation) is not null);
    }

    [Theory]
    [InlineData("001190012345", true)]
    [InlineData("٠٠١١٩٠٠١٢٣٤٥", false)] // Arabic-Indic digits: \d matches them, the policy does not
    [InlineData("００１", false)] // full-width digits
    [InlineData("", false)]
    public void IsAsciiDigits_Text_AcceptsOnlyZeroToNine(string text, bool expected) =>
        Assert.Equal(expected, InputPolicy.IsAsciiDigits(text));

    [Fact]
    public void List_NullItemOrTooMany_IsRefusedOnce()
    {
        var validation = new Validation();

        Assert.False(InputPolicy.List(new string?[] { "a", null }, "documents", 5, validation));
        Assert.False(InputPolicy.List(Enumerable.Repeat("a", 200_000).ToList(), "roles", 5, validation));

        Assert.Equal(["Required."], validation.Errors["documents[1]"]);
        Assert.Equal(["At most 5 items."], validation.Errors["roles"]);
    }
}
