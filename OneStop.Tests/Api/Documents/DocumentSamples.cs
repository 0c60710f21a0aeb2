using NodaTime;
using OneStop.Api.Documents;

namespace OneStop.Tests.Api.Documents;

/// <summary>Sample view models with full Vietnamese diacritics, and the fonts loaded once for all tests.</summary>
internal static class DocumentSamples
{
    public const string DossierCode = "000.00.12.H40-251103-0042";
    public const string ApplicantName = "Nguyễn Thị Hồng Nhung";
    public const string Ward = "Phường Đống Đa";
    public const string ParentAgency = "Ủy ban nhân dân phường Ba Đình";

    private static readonly Lazy<DocumentFonts> LazyFonts = new(() => DocumentFonts.Load(new DocumentOptions()));

    public static DocumentFonts Fonts => LazyFonts.Value;

    public static DocumentHeading Heading(string? number = "42/TNHS", FormKind form = FormKind.Receipt, FormSet? set = null) =>
        new(ParentAgency, "Bộ phận Một cửa", number, "Ba Đình", new LocalDate(2025, 11, 3), (set ?? FormSet.Circular2025)[form]);

    public static ApplicantDetails Applicant => new(
        ApplicantName,
        "001190012345",
        "Số 12 ngõ 34 phố Khâm Thiên, " + Ward + ", thành phố Hà Nội",
        "0912 345 678",
        "nhung.nguyen@example.vn");

    public static ReceiptForm Receipt(int documentCount = 3, FormSet? set = null)
    {
        SubmittedDocument[] basics =
        [
            new("Tờ khai đăng ký khai sinh (theo mẫu)", 1, DocumentCopyKind.Original),
            new("Giấy chứng sinh do cơ sở y tế cấp", 1, DocumentCopyKind.Original),
            new("Giấy chứng nhận kết hôn của cha, mẹ", 1, DocumentCopyKind.CertifiedCopy),
        ];
        var documents = Enumerable.Range(0, documentCount)
            .Select(i => i < basics.Length ? basics[i] : new SubmittedDocument($"Giấy tờ chứng minh nơi cư trú số {i + 1} (bản đối chiếu)", 1, DocumentCopyKind.Copy))
            .ToList();
        return new ReceiptForm(
            Heading(set: set),
            DossierCode,
            "Bộ phận Một cửa Ủy ban nhân dân phường Ba Đình",
            Applicant,
            "Đăng ký khai sinh (1.001193.000.00.00.H40)",
            documents,
            1,
            "03 ngày làm việc",
            new LocalDateTime(2025, 11, 3, 9, 0),
            new LocalDateTime(2025, 11, 6, 14, 30),
            "Bộ phận Một cửa Ủy ban nhân dân phường Ba Đình",
            "Trần Văn Đức",
            new Uri("https://motcua.example.vn/tra-cuu/" + DossierCode),
            "01/2025",
            42);
    }

    public static SupplementRequestForm SupplementRequest(FormSet? set = null) => new(
        Heading("15/PBS", FormKind.SupplementRequest, set),
        DossierCode,
        Applicant,
        "Đăng ký khai sinh",
        ["Bản sao có chứng thực Giấy chứng nhận kết hôn của cha, mẹ", "Ghi rõ quê quán của người mẹ trong tờ khai"],
        "Hồ sơ chưa đủ thành phần theo quy định",
        "Ông Trần Văn Đức",
        "024 3823 4567",
        "Trần Văn Đức");

    public static RefusalForm Refusal(FormSet? set = null) => new(
        Heading("03/PTC", FormKind.Refusal, set),
        "Bộ phận Một cửa Ủy ban nhân dân phường Ba Đình",
        Applicant,
        null,
        "Cấp bản sao trích lục hộ tịch",
        ["Yêu cầu không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường Ba Đình", "Người yêu cầu không có quyền yêu cầu cấp bản sao theo quy định"],
        "Trần Văn Đức");

    public static ApologyForm Apology(FormSet? set = null) => new(
        Heading("07/PXL", FormKind.Apology, set),
        "Bà " + ApplicantName,
        Applicant,
        ParentAgency,
        new LocalDate(2025, 11, 3),
        "Đăng ký khai sinh",
        DossierCode,
        new LocalDateTime(2025, 11, 6, 14, 30),
        "Cần xác minh thông tin nơi cư trú của người mẹ tại " + Ward,
        new LocalDateTime(2025, 11, 10, 9, 0),
        new SignatureBlock("Thủ trưởng cơ quan, đơn vị", "Lê Minh Tuấn", "(Ký, ghi rõ họ tên và đóng dấu)"),
        ["Như trên", "Bộ phận Một cửa", "Lưu: VT"]);

    public static ControlSheetForm ControlSheet(int handovers = 3, FormSet? set = null)
    {
        HandoverRecord[] basics =
        [
            new("Bộ phận Một cửa", "Công chức Tư pháp - Hộ tịch", new LocalDateTime(2025, 11, 3, 9, 30), "Trần Văn Đức", "Phạm Thị Hà", HandoverOutcome.OnTime),
            new("Công chức Tư pháp - Hộ tịch", "Lãnh đạo Ủy ban nhân dân phường", new LocalDateTime(2025, 11, 5, 10, 15), "Phạm Thị Hà", "Lê Minh Tuấn", HandoverOutcome.Early),
            new("Lãnh đạo Ủy ban nhân dân phường", "Bộ phận Một cửa", new LocalDateTime(2025, 11, 7, 8, 0), "Lê Minh Tuấn", "Trần Văn Đức", HandoverOutcome.Late, "Trễ 1 ngày"),
        ];
        var rows = Enumerable.Range(0, handovers).Select(i => basics[i % basics.Length]).ToList();
        return new ControlSheetForm(
            Heading("42/PKS", FormKind.ControlSheet, set),
            DossierCode,
            ParentAgency,
            "Công an " + Ward,
            new LocalDateTime(2025, 11, 3, 9, 0),
            new LocalDateTime(2025, 11, 6, 14, 30),
            rows);
    }

    public static TrackingBookForm TrackingBook(int entries = 8, FormSet? set = null) => new(
        Heading("01/STD", FormKind.TrackingBook, set),
        "Hộ tịch",
        "01/2025",
        Enumerable.Range(1, entries)
            .Select(i => new TrackingBookEntry(
                i,
                $"000.00.12.H40-251103-{i:0000}",
                i % 2 == 0 ? "Đăng ký khai sinh" : "Cấp bản sao trích lục hộ tịch đã đăng ký",
                i == 1 ? ApplicantName : $"Hoàng Văn Bình {i}",
                "Số 12 ngõ 34 phố Khâm Thiên, " + Ward,
                "0912 345 678",
                ParentAgency,
                new LocalDateTime(2025, 11, 3, 9, 0).PlusMinutes(i * 7),
                new LocalDateTime(2025, 11, 6, 14, 30),
                i % 3 == 0 ? new LocalDateTime(2025, 11, 6, 10, 0) : null,
                i % 3 == 0 ? "Trực tiếp" : null))
            .ToList());

    public static StopNoticeForm StopNotice(FormSet? set = null) => new(
        Heading("05/TB", FormKind.StopNotice, set),
        "Bà " + ApplicantName,
        Applicant,
        ParentAgency,
        DossierCode,
        "Đăng ký khai sinh",
        new LocalDateTime(2025, 11, 3, 9, 0),
        new LocalDate(2025, 11, 4),
        "Gia đình đã đăng ký khai sinh tại nơi cư trú khác",
        new SignatureBlock("Thủ trưởng cơ quan, đơn vị", "Lê Minh Tuấn", "(Ký, ghi rõ họ tên và đóng dấu)"),
        ["Như trên", "Lưu: VT"]);

    /// <summary>Writes a rendered PDF to ONESTOP_DOCUMENT_PREVIEW_DIR when that is set (to look at the layout).</summary>
    public static void Preview(string name, byte[] pdf)
    {
        var folder = Environment.GetEnvironmentVariable("ONESTOP_DOCUMENT_PREVIEW_DIR");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name + ".pdf"), pdf);
        }
    }
}
