using Hangfire;
using Hangfire.Common;
using Moq;
using OneStop.Jobs.Hosting;
using OneStop.Jobs.Lateness;
using OneStop.Jobs.Sla;

namespace OneStop.Tests.Worker;

public sealed class JobScheduleTests
{
    [Fact]
    public void Register_DefaultOptions_SchedulesEveryJobInOfficeTime()
    {
        var manager = new Mock<IRecurringJobManager>();
        var registered = new List<(string Id, Job Job, string Cron, RecurringJobOptions Options)>();
        manager.Setup(m => m.AddOrUpdate(It.IsAny<string>(), It.IsAny<Job>(), It.IsAny<string>(), It.IsAny<RecurringJobOptions>()))
            .Callback<string, Job, string, RecurringJobOptions>((id, job, cron, options) => registered.Add((id, job, cron, options)));

        JobSchedule.Register(manager.Object, new JobsOptions());

        Assert.Equal(
            [JobSchedule.SlaCheck, JobSchedule.Dispatch, JobSchedule.CalendarRefresh, JobSchedule.Restatement, JobSchedule.LatenessAudit, JobSchedule.LedgerCheckpoint, JobSchedule.OutcomeRefresh],
            registered.Select(r => r.Id));
        Assert.All(registered, r => Assert.Equal("Asia/Ho_Chi_Minh", r.Options.TimeZone.Id));
        Assert.Equal(typeof(SlaCheckJob), registered[0].Job.Type);
        Assert.Equal("*/5 * * * *", registered[0].Cron);
        Assert.Equal(typeof(LatenessAuditJob), registered[4].Job.Type);
        Assert.Equal("0 1 * * *", registered[4].Cron);
    }
}
