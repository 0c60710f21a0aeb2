using OneStop.Api.Documents;

namespace OneStop.Tests.Api.Documents;

/// <summary>Forms 02–04 and the stop notice: A5, heading, title, names with diacritics, dates.</summary>
public sealed class FormRendererTests
{
    private const double A5Width = 419.53;
    private const double A5Height = 595.28;

    [Fact]
    public void SupplementRequest_Render_HasTitleItemsAndNamesOnA5()
    {
        var bytes = new SupplementRequestFormRenderer(DocumentSamples.Fonts).Render(DocumentSamples.SupplementRequest());
        DocumentSamples.Preview("form02-supplement", bytes);
        var pdf = PdfText.Read(bytes);

        AssertA5(pdf);
        AssertNationalHeading(pdf);
        Assert.Contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ của: " + DocumentSamples.ApplicantName, pdf.All, StringComparison.Ordinal);
        Assert.Contains("Mã hồ sơ: " + DocumentSamples.DossierCode, pdf.All, StringComparison.Ordinal);
        Assert.Contains("1. Bản sao có chứng thực Giấy chứng nhận kết hôn của cha, mẹ", pdf.All, StringComparison.Ordinal);
        Assert.True(pdf.ContainsCompact("2. Ghi rõ quê quán của người mẹ trong tờ khai"));
        Assert.Contains("NGƯỜI HƯỚNG DẪN", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_Render_HasReasonsAndBothSignaturesOnA5()
    {
        var bytes = new RefusalFormRenderer(DocumentSamples.Fonts).Render(DocumentSamples.Refusal());
        DocumentSamples.Preview("form03-refusal", bytes);
        var pdf = PdfText.Read(bytes);

        AssertA5(pdf);
        AssertNationalHeading(pdf);
        Assert.Contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", pdf.All, StringComparison.Ordinal);
        Assert.Contains(DocumentSamples.ApplicantName, pdf.All, StringComparison.Ordinal);
        Assert.True(pdf.ContainsCompact("- Yêu cầu không thuộc thẩm quyền giải quyết của " + DocumentSamples.ParentAgency));
        Assert.Contains("NGƯỜI NỘP HỒ SƠ", pdf.All, StringComparison.Ordinal);
        Assert.Contains("NGƯỜI TIẾP NHẬN HỒ SƠ", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Apology_Render_HasTitleBothAppointmentsAndHeadOfAgency()
    {
        var bytes = new ApologyFormRenderer(DocumentSamples.Fonts).Render(DocumentSamples.Apology(FormSet.Circular2018));
        DocumentSamples.Preview("form04-apology", bytes);
        var pdf = PdfText.Read(bytes);

        AssertA5(pdf);
        AssertNationalHeading(pdf);
        Assert.Contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Bà " + DocumentSamples.ApplicantName, pdf.All, StringComparison.Ordinal);
        Assert.True(pdf.ContainsCompact("Thời gian hẹn trả kết quả giải quyết hồ sơ: 14 giờ 30 phút, ngày 06 tháng 11 năm 2025"));
        Assert.True(pdf.ContainsCompact("10 giờ 00 phút, ngày 10 tháng 11 năm 2025") || pdf.ContainsCompact("09 giờ 00 phút, ngày 10 tháng 11 năm 2025"));
        Assert.True(pdf.ContainsCompact(DocumentSamples.Ward));
        Assert.Contains("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận:", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void StopNotice_Render_HasTitleRequestDateAndCode()
    {
        var bytes = new StopNoticeRenderer(DocumentSamples.Fonts).Render(DocumentSamples.StopNotice());
        DocumentSamples.Preview("stop-notice", bytes);
        var pdf = PdfText.Read(bytes);

        AssertA5(pdf);
        AssertNationalHeading(pdf);
        Assert.Contains("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", pdf.All, StringComparison.Ordinal);
        Assert.Contains(DocumentSamples.ApplicantName, pdf.All, StringComparison.Ordinal);
        Assert.True(pdf.ContainsCompact(DocumentSamples.DossierCode));
        Assert.True(pdf.ContainsCompact("Ngày 04 tháng 11 năm 2025, Ông (Bà)/Tổ chức có yêu cầu dừng giải quyết hồ sơ"));
        Assert.True(pdf.ContainsCompact("09 giờ 00 phút, ngày 03 tháng 11 năm 2025"));
    }

    private static void AssertA5(PdfText pdf)
    {
        Assert.Single(pdf.Sizes);
        Assert.Equal(A5Width, pdf.Sizes[0].Width, 0.5);
        Assert.Equal(A5Height, pdf.Sizes[0].Height, 0.5);
    }

    private static void AssertNationalHeading(PdfText pdf)
    {
        Assert.Contains(DocumentWriter.NationalName, pdf.All, StringComparison.Ordinal);
        Assert.Contains(DocumentWriter.Motto, pdf.All, StringComparison.Ordinal);
        Assert.Contains("Ba Đình, ngày 03 tháng 11 năm 2025", pdf.All, StringComparison.Ordinal);
    }
}
