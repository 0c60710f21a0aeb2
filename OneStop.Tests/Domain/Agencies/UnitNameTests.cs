using NodaTime;
using OneStop.Agencies;

namespace OneStop.Tests.Domain.Agencies;

public sealed class UnitNameTests
{
    [Theory]
    [InlineData("Tư pháp", "Tư pháp")]
    [InlineData("  Tư pháp ", "Tư pháp")] // surrounding spaces
    [InlineData("Tư   pháp", "Tư pháp")] // duplicate inner spaces
    [InlineData("Tư\tpháp\u00A0- hộ tịch", "Tư pháp - hộ tịch")] // tab and no-break space are white space
    [InlineData("Tu\u031B pha\u0301p", "Tư pháp")] // NFD input (combining horn and acute) is kept in NFC
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Normalise_Spelling_IsTheKeptName(string? spelling, string expected) =>
        Assert.Equal(expected, UnitName.Normalise(spelling));

    [Theory]
    [InlineData("Tư pháp", "tư pháp ", true)]
    [InlineData("TƯ PHÁP", "tư pháp", true)] // upper-case Vietnamese letters
    [InlineData("Địa chính", "địa  chính", true)] // Đ lower-cases to đ
    [InlineData("Tư pháp", "Tu phap", false)] // tone marks are part of the name
    [InlineData("Tư pháp", "Tư pháp - hộ tịch", false)]
    public void Same_TwoSpellings_MatchIgnoringCaseAndSpaces(string a, string b, bool same) =>
        Assert.Equal(same, UnitName.Same(a, b));

    [Fact]
    public void Find_FormerName_ReadsAsTheRenamedUnit()
    {
        var agency = Guid.NewGuid();
        var at = Instant.FromUtc(2025, 3, 3, 2, 0);
        var unit = new AgencyUnit(Guid.NewGuid(), agency, " Tư  pháp ", at);
        unit.Rename("Công chức tư pháp - hộ tịch", at);
        var other = new AgencyUnit(Guid.NewGuid(), agency, "Địa chính", at);
        var catalogue = new UnitCatalogue([unit, other]);

        Assert.Equal("Công chức tư pháp - hộ tịch", catalogue.Canonical(agency, "tư pháp"));
        Assert.Equal(["Tư pháp"], unit.Former);
        Assert.True(catalogue.SameUnit(agency, "TƯ PHÁP", "Công chức tư pháp - hộ tịch"));
        Assert.False(catalogue.SameUnit(agency, "Tư pháp", "Địa chính"));
        Assert.Null(catalogue.Find(Guid.NewGuid(), "Tư pháp"));
    }

    [Fact]
    public void Rename_BackToAFormerName_DropsItFromTheFormerNames()
    {
        var at = Instant.FromUtc(2025, 3, 3, 2, 0);
        var unit = new AgencyUnit(Guid.NewGuid(), Guid.NewGuid(), "Tư pháp", at);
        unit.Rename("Hộ tịch", at);
        unit.Rename("tư pháp", at);

        Assert.Equal("tư pháp", unit.Name);
        Assert.Equal(["Hộ tịch"], unit.Former);
    }
}
