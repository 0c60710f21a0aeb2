using OneStop.Api.Administration;
using OneStop.Api.Pages;

namespace OneStop.Tests.Api.Pages;

public sealed class HtmlTests
{
    [Fact]
    public void Of_InterpolatedValues_AreEscapedButHtmlIsNot()
    {
        var name = "<script>alert(\"x\")</script> & Đống Đa";
        var html = Html.Of($"""<p title="{name}">{name}{Html.Of($"<br>")}</p>""");
        Assert.Equal(
            "<p title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Đống Đa\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Đống Đa<br></p>",
            html.ToString());
    }

    [Theory]
    [InlineData("Đăng ký kết hôn", "dang ky ket hon")]
    [InlineData("Xác nhận tình trạng hôn nhân", "xac nhan tinh trang hon nhan")]
    [InlineData("1.000894.H99", "1.000894.h99")]
    public void Normalize_VietnameseText_DropsToneMarksAndCase(string text, string folded) =>
        Assert.Equal(folded, ProcedureCatalogue.Normalize(text));

    [Theory]
    [InlineData("2025-03-10T09:00", "2025-03-10T09:00:00+07:00")]
    [InlineData("2025-03-10T09:00:30", "2025-03-10T09:00:30+07:00")]
    [InlineData("10/03/2025", "10/03/2025")]
    [InlineData(" ", null)]
    public void FromLocalInput_DateTimeLocal_IsOfficeTime(string input, string? iso) =>
        Assert.Equal(iso, VietnameseText.FromLocalInput(input));

    [Theory]
    [InlineData("Required, at most 2000 characters.", "Bắt buộc, tối đa 2000 ký tự.")]
    [InlineData("At most 256 characters.", "Tối đa 256 ký tự.")]
    [InlineData("A personal id number has 12 digits.", "Số định danh cá nhân gồm 12 chữ số.")]
    public void Message_ApiValidationMessage_IsVietnamese(string english, string vietnamese) =>
        Assert.Equal(vietnamese, VietnameseText.Message(english));
}
