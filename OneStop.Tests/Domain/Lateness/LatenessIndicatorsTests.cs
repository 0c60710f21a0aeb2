using NodaTime;
using OneStop.Calendar;
using OneStop.Lateness;
using static OneStop.Tests.Domain.Lateness.AuditScenario;

namespace OneStop.Tests.Domain.Lateness;

public sealed class LatenessIndicatorsTests
{
    private static readonly Instant From = T("2025-03-01 00:00");
    private static readonly Instant To = T("2025-03-15 00:00");

    [Fact]
    public void Summarise_KnownSet_CountsAndBothRates()
    {
        var summary = Summarise();
        var totals = summary.Totals;

        Assert.Equal(6, totals.Received);
        Assert.Equal(1, totals.CarriedOver);
        Assert.Equal((2, 1, 2), (totals.FinishedEarly, totals.FinishedOnTime, totals.FinishedLate));
        Assert.Equal((0, 0, 1), (totals.InProgressOnTime, totals.InProgressDueSoon, totals.InProgressOverdue));
        Assert.Equal(3, totals.NotCollected);
        Assert.Equal(1, totals.Stopped);
        Assert.Equal(0, totals.Refused);
        Assert.Equal(0.8m, totals.PaperOnTimeRate);
        Assert.Equal(0.6m, totals.TrueOnTimeRate);
        Assert.Equal(0.4286m, totals.Decree61Rate);
    }

    [Fact]
    public void Summarise_KnownSet_ListsLateAndMaskedDossiers()
    {
        var summary = Summarise();

        Assert.Equal(["C-masked", "D-late", "E-open"], summary.Late.Select(d => d.Code).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["C-masked"], summary.PaperDiffers.Select(d => d.Code).ToArray());
        Assert.Equal("Phòng Tư pháp", summary.Late.Single(d => d.Code == "D-late").Audit.ResponsibleUnit);
    }

    [Fact]
    public void Summarise_KnownSet_WeeklyTrendAndGroups()
    {
        var summary = Summarise();

        Assert.Equal(
            [new WeeklyPoint(new LocalDate(2025, 2, 24), 0, 0, 0), new WeeklyPoint(new LocalDate(2025, 3, 3), 2, 2, 2), new WeeklyPoint(new LocalDate(2025, 3, 10), 3, 2, 1)],
            summary.Weekly);
        var clerk = Assert.Single(summary.ByClerk);
        Assert.Equal(summary.Totals, clerk.Counts);
        Assert.Equal(2, summary.ByProcedure.Count);
        Assert.Equal(1, summary.ByProcedure.Single(p => p.Key == "P2").Counts.CarriedOver);
    }

    [Fact]
    public void Summarise_UnitsOfTwoAgencies_GroupedByDepartmentWithinAgency()
    {
        AuditedDossier Row(string code, string agency, AuditScenario scenario) =>
            new(code, agency, "UBND " + agency, "P1", "P1", OfficeHours.Default, scenario.Audit("2025-03-15 00:00"));
        AuditScenario HandedTo(string unit, string at = "2025-03-03 10:00") =>
            Register().Do(d => d.HandOver(unit, "motcua", "chuyenvien", null, A(at), Calculator, OfficeHours.Default));

        var rows = new[]
        {
            // Late at Tư pháp, then sent on to Địa chính after the due: Tư pháp held it when the due passed.
            Row("A", "X", HandedTo("Tư pháp").Do(d => d.HandOver("Địa chính", "chuyenvien", "cv2", null, A("2025-03-11 09:00"), Calculator, OfficeHours.Default)).Result("2025-03-12 09:00")),
            // On time: counted against the last department, not the desk the result came back through.
            Row("B", "X", HandedTo("Tư pháp").Do(d => d.HandOver("Địa chính", "chuyenvien", "cv2", null, A("2025-03-04 09:00"), Calculator, OfficeHours.Default))
                .Do(d => d.HandOver(OneStop.Dossiers.Dossier.DeskUnit, "cv2", "motcua", null, A("2025-03-05 09:00"), Calculator, OfficeHours.Default)).Result("2025-03-05 10:00")),
            Row("C", "Y", HandedTo("Tư pháp").Result("2025-03-05 10:00")),
            Row("D", "Y", Register().Result("2025-03-04 10:00")),
        };

        var summary = new LatenessIndicators().Summarise(rows, From, To);

        Assert.Equal(["X/Tư pháp", "X/Địa chính", "Y/Bộ phận Một cửa", "Y/Tư pháp"], summary.ByDepartment.Select(g => g.Key).ToArray());
        var late = summary.ByDepartment.Single(g => g.Key == "X/Tư pháp");
        Assert.Equal((1, 1), (late.Counts.Received, late.Counts.FinishedLate));
        Assert.Equal("Tư pháp – UBND X", late.Name);
        Assert.Equal(1, summary.ByDepartment.Single(g => g.Key == "X/Địa chính").Counts.FinishedEarly);
        Assert.Equal(1, summary.ByDepartment.Single(g => g.Key == "Y/Tư pháp").Counts.FinishedEarly);
        Assert.Equal(4, summary.ByDepartment.Sum(g => g.Counts.Received));
    }

    private static LatenessSummary Summarise()
    {
        AuditedDossier Row(string code, AuditScenario scenario, string procedure = "P1") =>
            new(code, "000.00.12.H99", "Đống Đa", procedure, procedure, OfficeHours.Default, scenario.Audit("2025-03-15 00:00"));

        var rows = new[]
        {
            Row("A-early", Register().ToDepartment().Result("2025-03-05 10:00").Do(d => d.Return(null, A("2025-03-05 14:00")))),
            Row("B-ontime", Register().ToDepartment().Result("2025-03-10 09:00")),
            Row("C-masked", Register().ToDepartment()
                .Do(d => d.ReissueReceipt(T("2025-03-14 17:00"), "In lại", A("2025-03-04 09:00")))
                .Result("2025-03-13 10:00")),
            Row("D-late", Register().ToDepartment().Result("2025-03-11 09:00")),
            Row("E-open", Register().ToDepartment()),
            Row("F-carried", Register("2025-02-27 09:00").ToDepartment("2025-02-27 10:00").Result("2025-03-05 09:00")
                .Do(d => d.Return(null, A("2025-03-05 10:00"))), "P2"),
            Row("G-stopped", Register().Do(d => d.Stop("Công dân rút", A("2025-03-05 09:00")))),
        };
        return new LatenessIndicators().Summarise(rows, From, To);
    }
}
