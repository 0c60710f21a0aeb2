using System.Text;
using OneStop.Language;

namespace OneStop.Tests.Domain.Language;

public sealed class VietnameseCollationTests
{
    [Fact]
    public void Compare_ProcedureNames_SortInVietnameseAlphabetOrder()
    {
        string[] names = ["Xác nhận tình trạng hôn nhân", "Đăng ký khai sinh", "Cấp giấy phép xây dựng", "Chứng thực chữ ký", "Dịch vụ công", "Ân xá", "Ăn uống", "An toàn", "Ô tô", "Ơn", "Ốc", "Em", "Êm"];

        var sorted = names.Order(VietnameseCollation.Instance).ToList();

        // a < ă < â; c < ch; d < đ < e < ê; o < ô < ơ; x last. Ordinal order puts every Đ after X.
        Assert.Equal(
            ["An toàn", "Ăn uống", "Ân xá", "Cấp giấy phép xây dựng", "Chứng thực chữ ký", "Dịch vụ công", "Đăng ký khai sinh", "Em", "Êm", "Ô tô", "Ốc", "Ơn", "Xác nhận tình trạng hôn nhân"],
            sorted);
    }

    [Theory]
    // The tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng (only between words equal on letters).
    [InlineData("ma", "mà")]
    [InlineData("mà", "mả")]
    [InlineData("mả", "mã")]
    [InlineData("mã", "má")]
    [InlineData("má", "mạ")]
    [InlineData("mạ", "mb")] // letters before tones: the tone of a never outranks the next letter
    [InlineData("ẩy", "ậy")] // ậ in NFD is a, dot below, circumflex: still â, the tone (hỏi before nặng) decides
    [InlineData("D", "đ")] // case aside, d before đ
    [InlineData("1.000894", "Đăng ký")] // digits before letters
    public void Compare_Pair_FirstSortsBeforeSecond(string first, string second)
    {
        Assert.True(VietnameseCollation.Instance.Compare(first, second) < 0, $"{first} should sort before {second}");
        Assert.True(VietnameseCollation.Instance.Compare(second, first) > 0, $"{second} should sort after {first}");
    }

    [Fact]
    public void Compare_NfcAndNfd_SortTheSameWay()
    {
        const string a = "Đăng ký kết hôn";
        const string b = "Đăng ký khai sinh";
        Assert.Equal(
            Math.Sign(VietnameseCollation.Instance.Compare(a, b)),
            Math.Sign(VietnameseCollation.Instance.Compare(a.Normalize(NormalizationForm.FormD), b.Normalize(NormalizationForm.FormD))));
    }
}
