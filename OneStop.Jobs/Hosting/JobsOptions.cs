namespace OneStop.Jobs.Hosting;

/// <summary>
/// Section <c>Jobs</c>: whether this process runs a Hangfire server, and the recurring schedules (cron, in the
/// office time zone).
/// </summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>False in tests that call the jobs directly.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Hangfire worker threads of this process.</summary>
    public int WorkerCount { get; set; } = 2;

    public string SlaCheckCron { get; set; } = "*/5 * * * *";

    public string DispatchCron { get; set; } = "* * * * *";

    /// <summary>Reloads the calendar notices from the database; a change restates the open dossiers.</summary>
    public string CalendarRefreshCron { get; set; } = "*/15 * * * *";

    /// <summary>A full restatement pass as a safety net (a notice changed while no process was listening).</summary>
    public string RestatementCron { get; set; } = "0 2 * * *";

    /// <summary>The nightly true-lateness audit of dossiers changed since its last run.</summary>
    public string LatenessAuditCron { get; set; } = "0 1 * * *";

    /// <summary>The signed checkpoint of every chain's head, written outside the database (hourly by default).</summary>
    public string LedgerCheckpointCron { get; set; } = "0 * * * *";

    /// <summary>Drains the stored outcomes' refresh queue (every minute; every dashboard read drains it too, so counts never lag the ledger).</summary>
    public string OutcomeRefreshCron { get; set; } = "* * * * *";
}
