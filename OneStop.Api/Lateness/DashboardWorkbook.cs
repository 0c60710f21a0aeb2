using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;
using OneStop.Calendar;
using OneStop.Lateness;

namespace OneStop.Api.Lateness;

/// <summary>
/// The dashboard as an Excel workbook (Office Open XML, ECMA-376), in Vietnamese: the counts and rates, the groups
/// (agency, department, procedure, clerk), the late list, and the dossiers where paper and truth differ with one
/// row per finding. Times are office time; rates are numbers formatted as percentages, hours late numbers.
/// </summary>
public sealed class DashboardWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string TotalsSheet = "Tổng hợp";
    public const string GroupsSheet = "Theo nhóm";
    public const string LateSheet = "Trễ hạn";
    public const string DiffersSheet = "Giấy tờ khác thực tế";

    private const uint Bold = 1;
    private const uint PercentStyle = 2;
    private const uint HoursStyle = 3;
    private const uint WrapStyle = 4;
    private const uint DateTimeStyle = 5;
    private const uint DateStyle = 6;

    private readonly List<string> _strings = [];
    private readonly Dictionary<string, int> _stringIndex = new(StringComparer.Ordinal);

    private DashboardWorkbook()
    {
    }

    public static byte[] Build(string agencyName, LocalDate from, LocalDate to, LatenessSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var book = new DashboardWorkbook();
        var sheets = new (string Name, Worksheet Sheet)[]
        {
            (TotalsSheet, book.Totals(agencyName, from, to, summary.Totals)),
            (GroupsSheet, book.Groups(summary)),
            (LateSheet, book.Late(summary.Late)),
            (DiffersSheet, book.Differs(summary.PaperDiffers)),
        };
        return book.Package(sheets);
    }

    private byte[] Package(IReadOnlyList<(string Name, Worksheet Sheet)> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var list = workbookPart.Workbook.AppendChild(new Sheets());
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            uint id = 1;
            foreach (var (name, sheet) in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = sheet;
                list.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = name });
            }

            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(
                _strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
            {
                Count = (uint)_strings.Count,
                UniqueCount = (uint)_strings.Count,
            };
        }

        return stream.ToArray();
    }

    public const string Decision766Sheet = "QĐ 766";

    /// <summary>
    /// The Decision 766/QĐ-TTg panel as a workbook: the period as date cells, then one row per figure with the paper
    /// value, the true value and the difference (rates as percentages, points with two decimals).
    /// </summary>
    public static byte[] BuildDecision766(string agencyName, LocalDate from, LocalDate to, IReadOnlyList<(string Label, decimal? Paper, decimal? True)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var book = new DashboardWorkbook();
        var sheet = new SheetWriter(52, 16, 16, 16)
            .Row(book.Text("Tiến độ, kết quả giải quyết (Quyết định 766/QĐ-TTg): theo giấy tờ và thực tế", Bold))
            .Row(book.Text("Cơ quan (gồm cấp dưới)"), book.Text(agencyName))
            .Row(book.Text("Kỳ báo cáo (từ ngày, đến ngày)"), Day(from), Day(to))
            .Row()
            .Row(book.Header("Chỉ tiêu", "Theo giấy tờ", "Thực tế", "Chênh lệch"));
        foreach (var (label, paper, truth) in lines)
        {
            var rate = label.StartsWith("Tỷ lệ", StringComparison.Ordinal);
            Cell Value(decimal? v)
            {
                if (v is not { } x)
                {
                    return book.Text("–");
                }

                uint? style = rate ? PercentStyle : x == Math.Round(x) ? null : HoursStyle;
                return new Cell { DataType = CellValues.Number, CellValue = new CellValue(x), StyleIndex = style is { } st ? UInt32Value.FromUInt32(st) : null };
            }

            sheet.Row(book.Text(label), Value(paper), Value(truth), Value(paper is { } p && truth is { } t ? p - t : null));
        }

        return book.Package([(Decision766Sheet, sheet.Worksheet())]);
    }

    private Worksheet Totals(string agencyName, LocalDate from, LocalDate to, IndicatorCounts t)
    {
        var sheet = new SheetWriter(62, 16, 16)
            .Row(Text("Báo cáo giám sát giải quyết hồ sơ: trễ hạn trên giấy và trễ hạn thực tế", Bold))
            .Row(Text("Cơ quan (gồm cấp dưới)"), Text(agencyName))
            .Row(Text("Kỳ báo cáo (từ ngày, đến ngày)"), Day(from), Day(to))
            .Row()
            .Row(Text("Chỉ tiêu", Bold), Text("Giá trị", Bold))
            .Row(Text("Tỷ lệ đúng hạn theo giấy tờ (lịch hẹn, thời gian khai báo)"), Rate(t.PaperOnTimeRate))
            .Row(Text("Tỷ lệ đúng hạn thực tế (hạn luật định, thời gian ghi sổ)"), Rate(t.TrueOnTimeRate))
            .Row(Text("Tỷ lệ đúng hạn trên tổng hồ sơ tiếp nhận (NĐ 61/2018 điều 30)"), Rate(t.Decree61Rate));
        foreach (var (label, value) in Counts(t))
        {
            sheet.Row(Text(label), Number(value));
        }

        return sheet.Worksheet();
    }

    private Worksheet Groups(LatenessSummary summary)
    {
        var sheet = new SheetWriter(20, 48, 12, 12, 14, 12, 12, 12, 16, 14, 16, 16);
        sheet.Row(Header("Nhóm", "Tên", "Tiếp nhận", "Chuyển sang", "Đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn",
            "Đang giải quyết", "Đang quá hạn", "Đúng hạn (giấy tờ)", "Đúng hạn (thực tế)"));
        foreach (var (kind, groups) in new[]
        {
            ("Cơ quan", summary.ByAgency), ("Đơn vị giải quyết", summary.ByDepartment),
            ("Thủ tục", summary.ByProcedure), ("Cán bộ tiếp nhận", summary.ByClerk),
        })
        {
            foreach (var g in groups)
            {
                var c = g.Counts;
                sheet.Row(Text(kind), Text(g.Name), Number(c.Received), Number(c.CarriedOver), Number(c.Finished), Number(c.FinishedEarly),
                    Number(c.FinishedOnTime), Number(c.FinishedLate), Number(c.InProgress), Number(c.InProgressOverdue),
                    Rate(c.PaperOnTimeRate), Rate(c.TrueOnTimeRate));
            }
        }

        return sheet.Worksheet();
    }

    private Worksheet Late(IReadOnlyList<AuditedDossier> late)
    {
        var sheet = new SheetWriter(28, 36, 30, 32, 17, 17, 17, 12, 48);
        sheet.Row(Header("Mã hồ sơ", "Thủ tục", "Cơ quan", "Đơn vị chịu trách nhiệm", "Hạn luật định", "Lịch hẹn trên giấy",
            "Có kết quả", "Số giờ làm việc trễ", "Phát hiện"));
        foreach (var d in late)
        {
            var a = d.Audit;
            sheet.Row(Text(d.Code), Text(d.ProcedureName), Text(d.AgencyName), Text(a.ResponsibleUnit ?? string.Empty), At(a.StatutoryDueAt),
                At(a.AppointmentAt), a.ResultAt is { } r ? At(r) : Text("Chưa có"), Hours(a.LateMinutes),
                Text(string.Join("; ", a.Findings.Select(f => DashboardPage.FindingName(f.Kind)).Distinct(StringComparer.Ordinal)), WrapStyle));
        }

        return sheet.Worksheet();
    }

    /// <summary>The masked dossiers, one row per finding, so that each one is explained with its evidence.</summary>
    private Worksheet Differs(IReadOnlyList<AuditedDossier> differs)
    {
        var sheet = new SheetWriter(28, 36, 30, 17, 17, 17, 17, 12, 30, 80, 14);
        sheet.Row(Header("Mã hồ sơ", "Thủ tục", "Cơ quan", "Hạn luật định", "Lịch hẹn trên giấy", "Có kết quả (thực tế)",
            "Có kết quả (khai báo)", "Số giờ làm việc trễ", "Phát hiện", "Giải thích", "Sự kiện số"));
        foreach (var d in differs)
        {
            var a = d.Audit;
            foreach (var f in a.Findings)
            {
                sheet.Row(Text(d.Code), Text(d.ProcedureName), Text(d.AgencyName), At(a.StatutoryDueAt), At(a.AppointmentAt),
                    a.ResultAt is { } r ? At(r) : Text("Chưa có"), a.DeclaredResultAt is { } dr ? At(dr) : Text(string.Empty), Hours(a.LateMinutes),
                    Text(DashboardPage.FindingName(f.Kind)), Text(f.ExplanationVi, WrapStyle),
                    Text(string.Join(", ", f.Events.Select(e => e.Sequence.ToString(CultureInfo.InvariantCulture)))));
            }
        }

        return sheet.Worksheet();
    }

    private static IEnumerable<(string Label, int Value)> Counts(IndicatorCounts t) =>
    [
        ("Tiếp nhận trong kỳ", t.Received),
        ("Kỳ trước chuyển sang", t.CarriedOver),
        ("Đang giải quyết: trong hạn", t.InProgressOnTime),
        ("Đang giải quyết: sắp đến hạn", t.InProgressDueSoon),
        ("Đang giải quyết: quá hạn", t.InProgressOverdue),
        ("Đã giải quyết: trước hạn", t.FinishedEarly),
        ("Đã giải quyết: đúng hạn", t.FinishedOnTime),
        ("Đã giải quyết: quá hạn", t.FinishedLate),
        ("Đúng hạn theo giấy tờ (số hồ sơ)", t.PaperOnTime),
        ("Có kết quả, công dân chưa nhận", t.NotCollected),
        ("Từ chối giải quyết", t.Refused),
        ("Dừng giải quyết", t.Stopped),
    ];

    private Cell[] Header(params string[] titles) => titles.Select(t => Text(t, Bold)).ToArray();

    private Cell Text(string value, uint style = 0)
    {
        if (!_stringIndex.TryGetValue(value, out var index))
        {
            index = _strings.Count;
            _strings.Add(value);
            _stringIndex[value] = index;
        }

        return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(index), StyleIndex = style == 0 ? null : style };
    }

    private static Cell Number(int value) => new() { DataType = CellValues.Number, CellValue = new CellValue(value) };

    private static Cell Hours(long minutes) =>
        new() { DataType = CellValues.Number, CellValue = new CellValue(Math.Round(minutes / 60m, 2)), StyleIndex = HoursStyle };

    private Cell Rate(decimal? rate) =>
        rate is { } r ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(r), StyleIndex = PercentStyle } : Text("–");

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "hh:mm dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = 167, FormatCode = "dd/mm/yyyy" }) { Count = 4 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 0, FillId = 0, BorderId = 0, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 166, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 167, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true }) { Count = 7 });

    /// <summary>
    /// An instant as a real date cell: office time (Asia/Ho_Chi_Minh) as the spreadsheet's serial day number (days since
    /// 30/12/1899, the fraction the time of day) with a date-time number format, so that Excel sorts and filters it as a date.
    /// </summary>
    internal static Cell At(Instant instant) => new()
    {
        DataType = CellValues.Number, CellValue = new CellValue(Serial(OfficeTime.ToLocal(instant))), StyleIndex = DateTimeStyle,
    };

    /// <summary>An office date as a date cell (serial day number, date format).</summary>
    internal static Cell Day(LocalDate date) => new()
    {
        DataType = CellValues.Number, CellValue = new CellValue(Serial(date.AtMidnight())), StyleIndex = DateStyle,
    };

    /// <summary>The 1900 date system's serial number of a local date-time (30/12/1899 is day 0), rounded to the second.</summary>
    internal static double Serial(LocalDateTime local) =>
        Math.Round((local.InUtc().ToInstant() - Epoch).TotalSeconds / 86400d, 6);

    private static readonly Instant Epoch = Instant.FromUtc(1899, 12, 30, 0, 0);

    /// <summary>Rows of one worksheet with their cell references (A1, B1, ...) and the column widths.</summary>
    private sealed class SheetWriter(params double[] widths)
    {
        private readonly SheetData _data = new();
        private uint _row;

        public SheetWriter Row(params Cell[] cells)
        {
            _row++;
            var row = new Row { RowIndex = _row };
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i].CellReference = Column(i) + _row.ToString(CultureInfo.InvariantCulture);
                row.Append(cells[i]);
            }

            _data.Append(row);
            return this;
        }

        public Worksheet Worksheet() => new(
            new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
            _data);

        private static string Column(int index) =>
            index < 26 ? new string((char)('A' + index), 1) : Column((index / 26) - 1) + (char)('A' + (index % 26));
    }
}
