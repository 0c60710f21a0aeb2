using System.Text;
using OneStop.Language;

namespace OneStop.Tests.Domain.Language;

public sealed class VietnameseFoldingTests
{
    [Theory]
    [InlineData("Nguyễn Văn A", "nguyen van a")]
    [InlineData("NGUYỄN VĂN A", "nguyen van a")]
    [InlineData("  Đặng   Thị\tĐào ", "dang thi dao")] // đ/Đ fold to d; runs of white space are one space
    [InlineData("Phạm Ngọc Ưng", "pham ngoc ung")]
    [InlineData("nguyen van a", "nguyen van a")]
    public void Fold_VietnameseName_DropsMarksCaseAndSpacing(string text, string folded)
    {
        Assert.Equal(folded, VietnameseFolding.Fold(text));
    }

    [Fact]
    public void Fold_NfdInput_EqualsNfcInput()
    {
        const string name = "Nguyễn Thị Hồng Nhung Đỗ";
        Assert.NotEqual(name.Normalize(NormalizationForm.FormC), name.Normalize(NormalizationForm.FormD));
        Assert.Equal(VietnameseFolding.Fold(name.Normalize(NormalizationForm.FormC)), VietnameseFolding.Fold(name.Normalize(NormalizationForm.FormD)));
    }
}
