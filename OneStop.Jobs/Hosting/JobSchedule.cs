using Hangfire;
using OneStop.Calendar;
using OneStop.Jobs.Calendar;
using OneStop.Jobs.Lateness;
using OneStop.Jobs.Notifications;
using OneStop.Jobs.Sla;

namespace OneStop.Jobs.Hosting;

/// <summary>The one place the recurring jobs are registered, with their cron in the office time zone.</summary>
public static class JobSchedule
{
    public const string SlaCheck = "sla-check";
    public const string Dispatch = "outbox-dispatch";
    public const string CalendarRefresh = "calendar-refresh";
    public const string Restatement = "restatement";
    public const string LatenessAudit = "lateness-audit";
    public const string LedgerCheckpoint = "ledger-checkpoint";
    public const string OutcomeRefresh = "outcome-refresh";

    /// <summary>Asia/Ho_Chi_Minh as the BCL knows it, for Hangfire's cron (never the machine's own zone).</summary>
    public static TimeZoneInfo OfficeTimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(OfficeTime.ZoneId);

    public static void Register(IRecurringJobManager manager, JobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(options);
        var inOffice = new RecurringJobOptions { TimeZone = OfficeTimeZone };
        manager.AddOrUpdate<SlaCheckJob>(SlaCheck, job => job.RunAsync(CancellationToken.None), options.SlaCheckCron, inOffice);
        manager.AddOrUpdate<OutboxDispatchJob>(Dispatch, job => job.RunAsync(CancellationToken.None), options.DispatchCron, inOffice);
        manager.AddOrUpdate<CalendarRefreshJob>(CalendarRefresh, job => job.RunAsync(CancellationToken.None), options.CalendarRefreshCron, inOffice);
        manager.AddOrUpdate<RestatementJob>(Restatement, job => job.RunAsync(CancellationToken.None), options.RestatementCron, inOffice);
        manager.AddOrUpdate<LatenessAuditJob>(LatenessAudit, job => job.RunAsync(CancellationToken.None), options.LatenessAuditCron, inOffice);
        manager.AddOrUpdate<OneStop.Jobs.Ledger.LedgerCheckpointJob>(LedgerCheckpoint, job => job.RunAsync(CancellationToken.None), options.LedgerCheckpointCron, inOffice);
        manager.AddOrUpdate<OneStop.Jobs.Lateness.LatenessService>(OutcomeRefresh, service => service.DrainRefreshesAsync(CancellationToken.None), options.OutcomeRefreshCron, inOffice);
    }
}
