using NodaTime;
using OneStop.Agencies;
using OneStop.Dossiers;

namespace OneStop.Tests.Domain.Dossiers;

public sealed class DossierCodeTests
{
    private static readonly LocalDate June2 = new(2025, 6, 2);

    [Fact]
    public void Prefix_SameDayACenturyApart_IsTheSame()
    {
        // The two-digit year prints the same: so the counter (keyed by the prefix) is the same, and the numbers differ.
        Assert.Equal(DossierCode.Standard.Prefix("000.00.12.H40", new LocalDate(1925, 6, 2)), DossierCode.Standard.Prefix("000.00.12.H40", June2));
    }

    [Theory]
    [InlineData(1, "000.00.12.H40-250602-0001")]
    [InlineData(42, "000.00.12.H40-250602-0042")]
    [InlineData(9_999, "000.00.12.H40-250602-9999")]
    [InlineData(10_000, "000.00.12.H40-250602-10000")]
    [InlineData(123_456, "000.00.12.H40-250602-123456")]
    public void Format_Sequence_PadsToFourDigitsAndGrowsPastThem(long sequence, string expected)
    {
        var code = DossierCode.Standard;
        Assert.Equal(expected, code.Format(code.Prefix("000.00.12.H40", June2), sequence));
    }

    [Fact]
    public void Format_TenThousandSequencesOfOneDay_AreDistinctAndReadBack()
    {
        var code = DossierCode.Standard;
        var prefix = code.Prefix("H40.12.01", June2);

        var codes = Enumerable.Range(1, 10_000).Select(i => code.Format(prefix, i)).ToList();

        Assert.Equal(10_000, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long?)i), codes.Select(c => DossierCode.SequenceOf(c, prefix)));
        Assert.Equal("H40.12.01-250602-10000", codes[^1]);
    }

    [Fact]
    public void Prefix_CentralisedPattern_CarriesAaBeforeTheSequence()
    {
        var code = new DossierCode(DossierCode.CentralisedPattern, 4);

        Assert.Equal("H40.12.01-250602-070042", code.Format(code.Prefix("H40.12.01", June2, "07"), 42));
        Assert.Throws<ArgumentException>(() => code.Prefix("H40.12.01", June2));
        Assert.Throws<ArgumentException>(() => DossierCode.Standard.Prefix("H40.12.01", June2, "07"));
        Assert.Throws<ArgumentException>(() => code.Prefix("H40.12.01", June2, "7"));
    }

    [Fact]
    public void Prefix_FourDigitYearPattern_PrintsTheFullDate()
    {
        var code = new DossierCode("{agency}/{yyyyMMdd}/{sequence}", 5);

        Assert.Equal("H40/20250602/00007", code.Format(code.Prefix("H40", June2), 7));
    }

    [Theory]
    [InlineData("{agency}-{yyMMdd}-{sequence}", 4, false, true)]
    [InlineData("{agency}-{yyMMdd}-{aa}{sequence}", 4, true, true)]
    [InlineData("{agency}-{yyMMdd}-{sequence}", 3, false, false)]
    [InlineData("{agency}-{sequence}-{yyMMdd}", 4, false, false)]
    [InlineData("{agency}-{sequence}", 4, false, false)]
    [InlineData("{yyMMdd}-{sequence}", 4, false, false)]
    [InlineData("{agency}-{yyMMdd}-{yyyyMMdd}-{sequence}", 4, false, false)]
    [InlineData("{agency}-{yyMMdd}-{seq}", 4, false, false)]
    [InlineData("{agency}-{yyMMdd}-{aa}{sequence}", 4, false, false)]
    [InlineData("{agency}-{yyMMdd}-{sequence}", 4, true, false)]
    [InlineData("", 4, false, false)]
    public void Problem_Pattern_AcceptsOnlyPatternsWithTheSequenceLast(string pattern, int digits, bool centralised, bool valid)
    {
        Assert.Equal(valid, DossierCode.Problem(pattern, digits, centralised) is null);
    }

    [Theory]
    [InlineData("000.00.12.H40", true)]
    [InlineData("H40", true)]
    [InlineData("H40.12", true)]
    [InlineData("H40.123.01", true)]
    [InlineData("Z40.12", false)]
    [InlineData("000-00-12-H40", false)]
    [InlineData("h40.12", false)]
    [InlineData("H40.12.", false)]
    [InlineData("H40.١٢", false)]
    [InlineData("000.00.12.H40.", false)]
    [InlineData("H40.12.01.02.03.04.05.06", false)]
    public void IsValid_ElectronicId_AcceptsBothStyles(string id, bool valid)
    {
        Assert.Equal(valid, AgencyElectronicId.IsValid(id));
    }
}
