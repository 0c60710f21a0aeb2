using System.Text;
using OneStop.Api.Administration;

namespace OneStop.Tests.Api.Administration;

public sealed class ICalendarTextTests
{
    [Fact]
    public void Read_FoldedLinesAndEscapes_GivesTheText()
    {
        const string ics =
            "BEGIN:VCALENDAR\r\n" +
            "VERSION:2.0\r\n" +
            "BEGIN:VEVENT\r\n" +
            "dtstart;value=DATE:20261124\r\n" +
            // RFC 5545 §3.1: CRLF + one space (or tab) is removed; the second space belongs to the text.
            "SUMMARY:Ngày Văn hóa\r\n" +
            "  Việt Nam\r\n" +
            "DESCRIPTION:Nghị quyết 1\\, 2\\; điều 3\\\\4\\nDòng hai\\N\r\n" +
            "\tba\r\n" +
            "X-NOTE;X-LABEL=\"a:b;c\";LANGUAGE=vi:giá trị\r\n" +
            "CATEGORIES:holiday,swap\\,x\r\n" +
            "END:VEVENT\r\n" +
            "END:VCALENDAR\r\n";

        var ev = Assert.Single(Assert.Single(ICalendarReader.Read(ics)).Components);

        Assert.Equal("VEVENT", ev.Name);
        Assert.Equal("20261124", ev.Property("DTSTART")!.RawValue);
        Assert.Equal("DATE", ev.Property("DTSTART")!.Parameters["VALUE"]);
        Assert.Equal("Ngày Văn hóa Việt Nam", ev.Property("SUMMARY")!.Text);
        Assert.Equal("Nghị quyết 1, 2; điều 3\\4\nDòng hai\nba", ev.Property("DESCRIPTION")!.Text);
        Assert.Equal("a:b;c", ev.Property("X-NOTE")!.Parameters["X-LABEL"]);
        Assert.Equal("giá trị", ev.Property("X-NOTE")!.Text);
        Assert.Equal(["holiday", "swap,x"], ev.Property("CATEGORIES")!.TextList);
    }

    [Fact]
    public void Read_BareLineFeeds_AreAccepted()
    {
        var calendar = Assert.Single(ICalendarReader.Read("BEGIN:VCALENDAR\nX-A:1\n 2\nEND:VCALENDAR\n"));

        Assert.Equal("12", calendar.Property("X-A")!.Text);
    }

    [Theory]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n", "Line 3")]
    [InlineData("BEGIN:VCALENDAR\r\nSUMMARY no colon\r\nEND:VCALENDAR\r\n", "Line 2")]
    [InlineData("SUMMARY:outside\r\n", "Line 1")]
    [InlineData("BEGIN:VCALENDAR\r\nX;P=\"open:x\r\nEND:VCALENDAR\r\n", "Line 2")]
    public void Read_Malformed_NamesTheLine(string ics, string line)
    {
        var error = Assert.Throws<FormatException>(() => ICalendarReader.Read(ics));

        Assert.StartsWith(line, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LongVietnameseText_FoldsAt75OctetsWithoutSplittingCharactersAndReadsBack()
    {
        var text = string.Concat(Enumerable.Repeat("Nghỉ bù Giỗ Tổ Hùng Vương; ngày 10/3 âm lịch, ", 6)) + "\ndòng hai \\ hết 😀😀😀";

        var ics = new ICalendarWriter().Begin("VCALENDAR").Text("DESCRIPTION", text).End("VCALENDAR").ToString();

        var lines = ics.Split("\r\n")[..^1];
        Assert.True(lines.Length > 5);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.All(lines.Skip(2).SkipLast(1), l => Assert.StartsWith(" ", l, StringComparison.Ordinal));
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(ics)));
        Assert.Contains("\\;", ics, StringComparison.Ordinal);
        Assert.Contains("\\,", ics, StringComparison.Ordinal);
        Assert.Contains("\\n", ics, StringComparison.Ordinal);
        Assert.Equal(text, Assert.Single(ICalendarReader.Read(ics)).Property("DESCRIPTION")!.Text);
    }

    [Theory]
    [InlineData("a,b;c\\d", "a\\,b\\;c\\\\d")]
    [InlineData("một\r\nhai\nba", "một\\nhai\\nba")]
    public void Escape_SpecialCharacters_AreEscaped(string text, string escaped)
    {
        Assert.Equal(escaped, ICalendarProperty.Escape(text));
    }
}
