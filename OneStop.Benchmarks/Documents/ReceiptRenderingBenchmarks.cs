using BenchmarkDotNet.Attributes;
using NodaTime;
using OneStop.Api.Documents;

namespace OneStop.Benchmarks.Documents;

/// <summary>Renders one Form 01 receipt (A5, heading, table, QR code) to PDF bytes.</summary>
[MemoryDiagnoser]
public class ReceiptRenderingBenchmarks
{
    private DocumentFonts? _fonts;
    private ReceiptFormRenderer? _renderer;
    private ReceiptForm? _form;

    [GlobalSetup]
    public void Setup()
    {
        _fonts = DocumentFonts.Load(new DocumentOptions());
        _renderer = new ReceiptFormRenderer(_fonts);
        const string code = "000.00.12.H40-251103-0042";
        _form = new ReceiptForm(
            new DocumentHeading("Ủy ban nhân dân phường Ba Đình", "Bộ phận Một cửa", "42/TNHS", "Ba Đình", new LocalDate(2025, 11, 3), "Mẫu số 01"),
            code,
            "Bộ phận Một cửa Ủy ban nhân dân phường Ba Đình",
            new ApplicantDetails("Nguyễn Thị Hồng Nhung", "001190012345", "Số 12 ngõ 34 phố Khâm Thiên, Phường Đống Đa, thành phố Hà Nội", "0912 345 678"),
            "Đăng ký khai sinh",
            [
                new SubmittedDocument("Tờ khai đăng ký khai sinh (theo mẫu)", 1, DocumentCopyKind.Original),
                new SubmittedDocument("Giấy chứng sinh do cơ sở y tế cấp", 1, DocumentCopyKind.Original),
                new SubmittedDocument("Giấy chứng nhận kết hôn của cha, mẹ", 1, DocumentCopyKind.CertifiedCopy),
            ],
            1,
            "03 ngày làm việc",
            new LocalDateTime(2025, 11, 3, 9, 0),
            new LocalDateTime(2025, 11, 6, 14, 30),
            "Bộ phận Một cửa Ủy ban nhân dân phường Ba Đình",
            "Trần Văn Đức",
            new Uri("https://motcua.example.vn/tra-cuu/" + code));
    }

    [GlobalCleanup]
    public void Cleanup() => _fonts?.Dispose();

    [Benchmark]
    public byte[] RenderReceipt() => _renderer!.Render(_form!);
}
