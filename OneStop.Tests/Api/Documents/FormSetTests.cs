using Microsoft.Extensions.Options;
using NodaTime;
using OneStop.Api.Documents;

namespace OneStop.Tests.Api.Documents;

/// <summary>
/// Form numbers, titles and signature lines as data: every form rendered in Circular 01/2018's and Circular
/// 03/2025's set and read back, the set chosen by acceptance date, and a province's changes.
/// </summary>
public sealed class FormSetTests
{
    public static TheoryData<string, FormKind> EveryFormInBothSets()
    {
        var data = new TheoryData<string, FormKind>();
        foreach (var set in new[] { FormSet.Set2018, FormSet.Set2025 })
        {
            foreach (var kind in Enum.GetValues<FormKind>())
            {
                data.Add(set, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryFormInBothSets))]
    public void Render_EachFormInEachSet_PrintsTheSetsNumberTitleAndSignatureLine(string setName, FormKind kind)
    {
        var set = setName == FormSet.Set2018 ? FormSet.Circular2018 : FormSet.Circular2025;
        var bytes = Render(kind, set);
        DocumentSamples.Preview($"{setName}-{kind}", bytes);
        var pdf = PdfText.Read(bytes);
        var form = set[kind];

        Assert.True(pdf.ContainsCompact(form.Title.ToUpperInvariant()), pdf.All);
        if (form.Number is { } number)
        {
            Assert.True(pdf.ContainsCompact("Mẫu số " + number), pdf.All);
        }
        else
        {
            Assert.False(pdf.ContainsCompact("Mẫu số"), pdf.All);
        }

        if (form.DigitalSignature is { } line)
        {
            // Read in drawing order: beside "Nơi nhận" the words of the two columns interleave.
            Assert.Contains(PdfText.Squeeze(line), pdf.Drawn, StringComparison.Ordinal);
        }

        Assert.Equal(setName == FormSet.Set2025 && kind is not (FormKind.ControlSheet or FormKind.TrackingBook), pdf.ContainsCompact("Chữ ký số của"));
    }

    [Fact]
    public void Circular2025_Numbers_AreTheSevenFormsOfPhuLucI()
    {
        var numbers = Enum.GetValues<FormKind>().ToDictionary(k => k, k => FormSet.Circular2025[k].Number);

        Assert.Equal(["01", "02", "03", "04", "05", "06", "07"], Enum.GetValues<FormKind>().Select(k => numbers[k]));
        Assert.Equal("Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết", FormSet.Circular2025[FormKind.Apology].Title);
        Assert.Equal("Phiếu xin lỗi và hẹn lại ngày trả kết quả", FormSet.Circular2018[FormKind.Apology].Title);
        Assert.Null(FormSet.Circular2018[FormKind.StopNotice].Number);
        Assert.Equal("05", FormSet.Circular2018[FormKind.ControlSheet].Number);
        Assert.Equal("06", FormSet.Circular2018[FormKind.TrackingBook].Number);
    }

    [Theory]
    [InlineData(2025, 5, 12, FormSet.Set2018)]
    [InlineData(2025, 6, 30, FormSet.Set2018)]
    [InlineData(2025, 7, 1, FormSet.Set2025)]
    [InlineData(2026, 11, 30, FormSet.Set2025)]
    public void For_AcceptanceDate_ChoosesTheSetInForceThatDay(int year, int month, int day, string expected)
    {
        var sets = new FormSets(Options.Create(new FormOptions()));

        Assert.Equal(expected, sets.For("000.00.12.H40", new LocalDate(year, month, day)).Name);
    }

    [Fact]
    public void For_AcceptedJustBeforeMidnightHanoi_UsesTheOfficeDate()
    {
        var sets = new FormSets(Options.Create(new FormOptions()));

        // 30 June 2025, 23:59 in Hà Nội is 16:59 UTC; 1 July 00:00 in Hà Nội is 30 June 17:00 UTC.
        Assert.Equal(FormSet.Set2018, sets.For("000.00.12.H40", Instant.FromUtc(2025, 6, 30, 16, 59)).Name);
        Assert.Equal(FormSet.Set2025, sets.For("000.00.12.H40", Instant.FromUtc(2025, 6, 30, 17, 0)).Name);
    }

    [Fact]
    public void For_ProvinceKeepsOldNumbering_AppliesItsChangesToItsAgenciesOnly()
    {
        var options = new FormOptions
        {
            Provinces =
            {
                ["H42"] = new ProvinceFormOptions
                {
                    Set2025 =
                    {
                        ["Apology"] = new FormChange { Title = "Phiếu xin lỗi và hẹn lại ngày trả kết quả" },
                        ["ControlSheet"] = new FormChange { Number = "05" },
                        ["TrackingBook"] = new FormChange { Number = "06" },
                        ["StopNotice"] = new FormChange { Number = string.Empty },
                        ["Receipt"] = new FormChange { DigitalSignature = string.Empty },
                    },
                },
            },
        };
        var sets = new FormSets(Options.Create(options));
        var today = new LocalDate(2026, 11, 30);

        var haTinh = sets.For("000.00.12.H42", today);
        var haTinhDownwards = sets.For("H42.12.01", today);
        var other = sets.For("000.00.12.H40", today);

        Assert.Equal("Phiếu xin lỗi và hẹn lại ngày trả kết quả", haTinh[FormKind.Apology].Title);
        Assert.Equal("04", haTinh[FormKind.Apology].Number);
        Assert.Equal("05", haTinh[FormKind.ControlSheet].Number);
        Assert.Equal("06", haTinhDownwards[FormKind.TrackingBook].Number);
        Assert.Null(haTinh[FormKind.StopNotice].Number);
        Assert.Null(haTinh[FormKind.Receipt].DigitalSignature);
        Assert.NotNull(haTinh[FormKind.Refusal].DigitalSignature);
        Assert.Equal(FormSet.Circular2025.Forms, other.Forms);
        Assert.Equal("06", other[FormKind.ControlSheet].Number);

        var pdf = PdfText.Read(Render(FormKind.ControlSheet, haTinh));
        Assert.True(pdf.ContainsCompact("Mẫu số 05"), pdf.All);
    }

    [Fact]
    public void For_ProvinceWithItsOwnStartDate_KeepsTheOldSetUntilThen()
    {
        var options = new FormOptions { Provinces = { ["H42"] = new ProvinceFormOptions { Set2025From = "2025-10-01" } } };
        var sets = new FormSets(Options.Create(options));

        Assert.Equal(FormSet.Set2018, sets.For("000.00.12.H42", new LocalDate(2025, 9, 30)).Name);
        Assert.Equal(FormSet.Set2025, sets.For("000.00.12.H42", new LocalDate(2025, 10, 1)).Name);
        Assert.Equal(FormSet.Set2025, sets.For("000.00.12.H40", new LocalDate(2025, 9, 30)).Name);
    }

    [Theory]
    [InlineData("H4", "Receipt", null)]
    [InlineData("H42", "Form05", null)]
    [InlineData("H42", "Receipt", " ")]
    public void Validate_BadProvinceFormOrTitle_IsRejected(string province, string form, string? title)
    {
        var options = new FormOptions
        {
            Provinces = { [province] = new ProvinceFormOptions { Set2018 = { [form] = new FormChange { Title = title } } } },
        };

        Assert.NotEmpty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }

    [Theory]
    [InlineData("000.00.12.H40", "H40")]
    [InlineData("H40.12.01", "H40")]
    [InlineData("000.00.00.G12", "G12")]
    [InlineData("000.00.12", null)]
    public void ProvinceOf_ElectronicIdInEitherStyle_FindsTheLevelOneCode(string electronicId, string? expected) =>
        Assert.Equal(expected, FormSets.ProvinceOf(electronicId));

    private static byte[] Render(FormKind kind, FormSet set)
    {
        var fonts = DocumentSamples.Fonts;
        return kind switch
        {
            FormKind.Receipt => new ReceiptFormRenderer(fonts).Render(DocumentSamples.Receipt(set: set)),
            FormKind.SupplementRequest => new SupplementRequestFormRenderer(fonts).Render(DocumentSamples.SupplementRequest(set)),
            FormKind.Refusal => new RefusalFormRenderer(fonts).Render(DocumentSamples.Refusal(set)),
            FormKind.Apology => new ApologyFormRenderer(fonts).Render(DocumentSamples.Apology(set)),
            FormKind.StopNotice => new StopNoticeRenderer(fonts).Render(DocumentSamples.StopNotice(set)),
            FormKind.ControlSheet => new ControlSheetFormRenderer(fonts).Render(DocumentSamples.ControlSheet(set: set)),
            FormKind.TrackingBook => new TrackingBookRenderer(fonts).Render(DocumentSamples.TrackingBook(set: set)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
