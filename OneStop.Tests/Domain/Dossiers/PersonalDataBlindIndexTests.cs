using OneStop.Persistence;

namespace OneStop.Tests.Domain.Dossiers;

public sealed class PersonalDataBlindIndexTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")] // the country code written as the trunk prefix
    [InlineData("+84-912-345-678", "0912345678")]
    [InlineData("0084912345678", "0912345678")]
    [InlineData("84912345678", "0912345678")] // 84 and nine digits, no plus
    [InlineData("(024) 3825 1234", "02438251234")] // a landline: digits only
    [InlineData("abc", null)]
    public void NormalizePhone_WrittenForms_OneValue(string typed, string? normal)
    {
        Assert.Equal(normal, PersonalDataBlindIndex.NormalizePhone(typed));
    }

    [Fact]
    public void OfPhone_EquivalentForms_SameEntry()
    {
        var index = new PersonalDataBlindIndex(Key);
        Assert.Equal(index.OfPhone("0912345678"), index.OfPhone("+84 912 345 678"));
        Assert.Equal(index.OfIdNumber("001090012345"), index.OfIdNumber("001 090 012 345"));
    }

    [Fact]
    public void Of_SameDigitsAsIdAndPhone_DifferentEntries()
    {
        var index = new PersonalDataBlindIndex(Key);
        Assert.NotEqual(index.OfIdNumber("0912345678"), index.OfPhone("0912345678"));
    }

    [Fact]
    public void Of_AnotherKey_AnotherEntry()
    {
        var entry = new PersonalDataBlindIndex(Key).OfIdNumber("001090012345");
        Assert.NotEqual(entry, new PersonalDataBlindIndex([.. Key.Reverse()]).OfIdNumber("001090012345"));
        Assert.NotEqual(entry, PersonalDataBlindIndex.DerivedFrom(Key).OfIdNumber("001090012345"));
        Assert.Matches("^[0-9a-f]{64}$", entry);
        Assert.DoesNotContain("001090012345", entry, StringComparison.Ordinal);
    }
}
