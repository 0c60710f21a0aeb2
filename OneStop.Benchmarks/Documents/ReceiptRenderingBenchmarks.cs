using BenchmarkDotNet.Attributes;
using NodaTime;
using OneStop.Api.Documents;

namespace OneStop.Benchmarks.Documents;

/// <summary>Renders Form 01 receipts (A5, heading, table, QR code) to PDF bytes: one alone, and 100 at once.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReceiptRenderingBenchmarks
{
    private DocumentFonts? _fonts;
    private ReceiptFormRenderer? _renderer;
    private ReceiptForm? _form;

    /// <summary>A realistic receipt with full Vietnamese diacritics.</summary>
    public static ReceiptForm SampleReceipt(int sequence = 42)
    {
        var code = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"000.00.12.H40-251103-{sequence:0000}");
        return new ReceiptForm(
            new DocumentHeading("Ủy ban nhân dân phường Ba Đình", "Bộ phận Một cửa", "42/TNHS", "Ba Đình", new LocalDate(2025, 11, 3), FormSet.Circular2025[FormKind.Receipt]),
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

    [GlobalSetup]
    public void Setup()
    {
        _fonts = DocumentFonts.Load(new DocumentOptions());
        _renderer = new ReceiptFormRenderer(_fonts);
        _form = SampleReceipt();
    }

    [GlobalCleanup]
    public void Cleanup() => _fonts?.Dispose();

    [Benchmark]
    public byte[] RenderReceipt() => _renderer!.Render(_form!);

    /// <summary>100 receipts on the thread pool at once; returns the total PDF size.</summary>
    [Benchmark]
    public long RenderHundredInParallel()
    {
        long total = 0;
        Parallel.For(0, 100, i => Interlocked.Add(ref total, _renderer!.Render(_form!).Length));
        return total;
    }
}
