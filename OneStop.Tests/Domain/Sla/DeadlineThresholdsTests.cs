using System.ComponentModel.DataAnnotations;
using NodaTime;
using OneStop.Api.Desk;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Lateness;
using OneStop.Notifications;
using OneStop.Sla;
using OneStop.Tests.Domain.Lateness;

namespace OneStop.Tests.Domain.Sla;

/// <summary>
/// The one definition of "due soon" and of the Form 04 lead: the worker's plan, the desk's badge, the dashboard's
/// count and the audit all change their answer at the same second. A dossier of 5 working days counted from
/// Monday 3 March 2025 09:00 is due Monday 10 March 09:00.
/// </summary>
public sealed class DeadlineThresholdsTests
{
    private static readonly Instant Start = OfficeTime.ToInstant(new LocalDateTime(2025, 3, 3, 9, 0));
    private static readonly Instant Due = OfficeTime.ToInstant(new LocalDateTime(2025, 3, 10, 9, 0));
    private static readonly OfficeHours Hours = OfficeHours.Default;

    [Theory]
    [InlineData("1", "0.2", "2025-03-07T09:00:01+07:00")]
    [InlineData("2", "0.2", "2025-03-06T09:00:01+07:00")]
    [InlineData("0.5", "0.6", "2025-03-05T09:00:01+07:00")]
    public void DueSoonFrom_DeskWorkerAndDashboard_ChangeAtTheSameSecond(string days, string share, string expected)
    {
        var thresholds = new DeadlineThresholds { DueSoonWorkingDays = decimal.Parse(days, System.Globalization.CultureInfo.InvariantCulture), DueSoonBudgetShare = decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture) };
        var from = thresholds.DueSoonFrom(Start, Due, AuditScenario.Calculator, Hours);
        Assert.Equal(expected, OfficeTime.FormatIso(from));

        foreach (var (at, dueSoon) in new[] { (from - Duration.FromSeconds(1), false), (from, true) })
        {
            var plan = SlaPlanner.Plan(Snapshot(), at, AuditScenario.Calculator, Hours, new SlaOptions(), thresholds);
            Assert.Equal(dueSoon, plan.Moves.Any(m => m.State == SlaState.DueSoon));
            Assert.Equal(dueSoon ? QueueUrgency.DueSoon : QueueUrgency.None, DeskPages.UrgencyOf(DossierStatus.InProcess, Start, Due, at, thresholds, AuditScenario.Calculator, Hours));
            // The dashboard counts an open dossier as its own audit judges it at that instant.
            var audit = AuditScenario.Register().Audit(at, new AuditSettings { Thresholds = thresholds });
            var counts = new LatenessIndicators().Count([Audited(audit)], Start, at);
            Assert.Equal(dueSoon ? 1 : 0, counts.InProgressDueSoon);
            Assert.Equal(dueSoon ? 0 : 1, counts.InProgressOnTime);
        }
    }

    [Fact]
    public void ApologyDeadline_AuditAndWorker_UseTheSameLead()
    {
        var thresholds = new DeadlineThresholds();
        var deadline = thresholds.ApologyDeadline(Start, Due, AuditScenario.Calculator, Hours);
        var warning = thresholds.ApologyWarningAt(Start, Due, AuditScenario.Calculator, Hours);

        // Form 04 one working day before the due; its warning half a working day before that.
        Assert.Equal("2025-03-07T09:00:00+07:00", OfficeTime.FormatIso(deadline));
        Assert.Equal("2025-03-06T14:30:01+07:00", OfficeTime.FormatIso(warning));
        Assert.Equal(thresholds.ApologyLeadSeconds(Hours), AuditScenario.Calculator.WorkingTimeBetween(deadline, Due, Hours).Seconds);

        var atWarning = SlaPlanner.Plan(Snapshot(), warning, AuditScenario.Calculator, Hours, new SlaOptions(), thresholds);
        var notice = Assert.Single(atWarning.Notices, n => n.Kind == "ApologyWindowOpen" && n.Audience == NoticeAudience.Officer);
        Assert.Contains("chậm nhất 09:00 ngày 07/03/2025", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(atWarning.Notices, n => n.Kind == "ApologyWindowClosed");
        Assert.DoesNotContain(SlaPlanner.Plan(Snapshot(), warning - Duration.FromSeconds(1), AuditScenario.Calculator, Hours, new SlaOptions(), thresholds).Notices, n => n.Kind == "ApologyWindowOpen");

        var afterDeadline = SlaPlanner.Plan(Snapshot(), deadline + Duration.FromSeconds(1), AuditScenario.Calculator, Hours, new SlaOptions(), thresholds);
        Assert.Contains(afterDeadline.Notices, n => n.Kind == "ApologyWindowClosed");
        Assert.DoesNotContain(afterDeadline.Notices, n => n.Kind == "ApologyWindowOpen");
    }

    [Theory]
    [InlineData("0", "0", "1", "0.5", "DueSoonWorkingDays")]
    [InlineData("1", "1.5", "1", "0.5", "DueSoonWorkingDays")]
    [InlineData("1", "0.2", "-1", "0.5", "ApologyLeadWorkingDays")]
    [InlineData("1", "0.2", "1", "0", "ApologyWarningWorkingDays")]
    public void Validate_WarningAtOrAfterItsDeadline_IsRefused(string days, string share, string lead, string warning, string member)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var thresholds = new DeadlineThresholds { DueSoonWorkingDays = D(days), DueSoonBudgetShare = D(share), ApologyLeadWorkingDays = D(lead), ApologyWarningWorkingDays = D(warning) };
        var errors = thresholds.Validate(new ValidationContext(thresholds)).ToList();
        Assert.Contains(errors, e => e.MemberNames.Contains(member));
        Assert.Empty(new DeadlineThresholds().Validate(new ValidationContext(thresholds)));
    }

    [Fact]
    public void LadderProblem_DueSoonRungWaitingPastTheMargin_IsReported()
    {
        var options = new SlaOptions { Escalation = [new EscalationLevel { Audience = NoticeAudience.Officer, At = SlaState.DueSoon, WorkingHoursAfter = 8 }] };
        Assert.NotNull(options.LadderProblem(new DeadlineThresholds(), Hours.SecondsPerDay));
        Assert.Null(options.LadderProblem(new DeadlineThresholds { DueSoonWorkingDays = 2 }, Hours.SecondsPerDay));
        Assert.Null(new SlaOptions().LadderProblem(new DeadlineThresholds(), Hours.SecondsPerDay));
    }

    private static SlaSnapshot Snapshot() => new(
        Guid.NewGuid(), "000.00.12.H99-250303-0001", Guid.NewGuid(), DossierStatus.InProcess, "Công chức tư pháp - hộ tịch", Start, Start, Due, Due, 0,
        null, null, null, SlaState.OnTrack, SlaState.OnTrack, 1, "hash", 1, null, null);

    private static AuditedDossier Audited(AuditResult audit) => new(
        "000.00.12.H99-250303-0001", "000.00.12.H99", "Đống Đa", "2.000575.H99", "Thủ tục", Hours, audit);
}
