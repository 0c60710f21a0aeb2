using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Jobs.Calendar;
using OneStop.Jobs.Lateness;
using OneStop.Lateness;
using OneStop.Jobs.Notifications;
using OneStop.Jobs.Sla;
using OneStop.Persistence;
using OneStop.Sla;

namespace OneStop.Jobs.Hosting;

/// <summary>
/// Registers the jobs and Hangfire for a host. Job storage follows the database: Hangfire.SqlServer for SQL
/// Server, Hangfire.PostgreSql for PostgreSQL, Hangfire.InMemory for the embedded SQLite default. The database
/// is the record of work (next-check column, outbox), so losing in-memory job state loses nothing.
/// </summary>
public static class JobHosting
{
    /// <summary>The jobs themselves, without Hangfire (tests and the benchmark call them directly).</summary>
    public static IServiceCollection AddOneStopJobServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The thresholds before a due (due soon, Form 04): one definition for the desk, dashboard, audit and worker.
        services.AddOptions<DeadlineThresholds>().BindConfiguration(DeadlineThresholds.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.Section)
            .Validate<IOptions<DeadlineThresholds>, IOptions<OfficeHoursOptions>>(
                (sla, thresholds, hours) => sla.LadderProblem(thresholds.Value, hours.Value.ToOfficeHours().SecondsPerDay) is null,
                "Sla:Escalation: a rung at DueSoon must come before the due (see Thresholds:DueSoonWorkingDays), none at OnTrack, none negative.")
            .ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section);
        services.AddTransient<SlaCheckJob>();
        services.AddTransient<RestatementJob>();
        services.AddTransient<OutboxDispatchJob>();
        services.AddHealthChecks().AddCheck<UndeliveredNoticesHealthCheck>(UndeliveredNoticesHealthCheck.Name);
        services.TryAddSingleton<CalendarRefreshJob>();
        services.TryAddSingleton<AgencyDeadlines>();
        services.AddOptions<AuditSettings>().BindConfiguration(AuditSettings.Section)
            .PostConfigure<IOptions<DeadlineThresholds>>((s, thresholds) => s.Thresholds = thresholds.Value)
            .Validate(s => s.BackdatingToleranceMinutes >= 0 && s.SupplementWindowWorkingDays > 0, "Lateness settings must not be negative.").ValidateOnStart();
        services.TryAddScoped<LatenessService>();
        services.TryAddScoped<LatenessAuditJob>();
        services.TryAddScoped<OutcomeIndicators>();
        services.TryAddScoped<PatternIndicators>();
        services.TryAddScoped<OutcomeRollup>();
        services.TryAddTransient<OneStop.Jobs.Ledger.LedgerCheckpointJob>();
        services.TryAddScoped<OneStop.Jobs.Ledger.LedgerMigration>();
        services.AddOptions<CitizenNoticeOptions>().BindConfiguration(CitizenNoticeOptions.Section)
            .Configure(o => o.PublicBaseUrl ??= configuration["Documents:PublicBaseUrl"])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CitizenNoticeOptions>, CitizenNoticeOptionsValidation>();
        services.AddHttpClient(GatewayNoticeChannel.Client);
        services.AddSingleton(sp => new CitizenGateway(string.IsNullOrWhiteSpace(configuration["CitizenNotices:Gateway:Url"])
            ? ActivatorUtilities.CreateInstance<LogNoticeChannel>(sp)
            : ActivatorUtilities.CreateInstance<GatewayNoticeChannel>(sp)));
        var channel = configuration["Notifications:Channel"];
        if (string.Equals(channel, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<INoticeChannel, SmtpNoticeChannel>();
        }
        else
        {
            services.AddSingleton<INoticeChannel, LogNoticeChannel>();
        }

        return services;
    }

    /// <summary>
    /// Polls the stored calendar notices (<see cref="CalendarPolling"/>, section <c>Calendar</c>): every process that
    /// computes deadlines calls this, the API instances and the workers alike.
    /// </summary>
    public static IServiceCollection AddCalendarPolling(this IServiceCollection services)
    {
        services.TryAddSingleton<CalendarRefreshJob>();
        services.AddOptions<CalendarPollingOptions>().BindConfiguration(CalendarPollingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<CalendarPolling>();
        return services;
    }

    /// <summary>
    /// The jobs, Hangfire on the storage of <paramref name="provider"/>, the recurring schedule, the calendar
    /// listener, and (unless <c>Jobs:RunServer=false</c>) a Hangfire server in this process.
    /// </summary>
    public static IServiceCollection AddOneStopJobs(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string? connectionString)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOneStopJobServices(configuration);
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        // Storage and activator belong to this host. Hangfire's defaults read the static JobStorage.Current and
        // JobActivator.Current, which the last host configured in the process wins (two hosts in one test run).
        services.AddSingleton(_ => CreateStorage(provider, connectionString));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(config =>
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings());
        services.AddHostedService<ScheduleRegistration>();
        services.AddHostedService<CalendarChangeListener>();
        if (jobs.RunServer)
        {
            services.AddHangfireServer(o => o.WorkerCount = Math.Max(1, jobs.WorkerCount));
        }

        return services;
    }

    private static JobStorage CreateStorage(DatabaseProvider provider, string? connectionString) => provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerStorage(connectionString, new SqlServerStorageOptions { PrepareSchemaIfNecessary = true }),
        DatabaseProvider.PostgreSql => CreatePostgreSqlStorage(connectionString),
        _ => new InMemoryStorage(),
    };

    private static PostgreSqlStorage CreatePostgreSqlStorage(string? connectionString)
    {
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, SchemaName = "hangfire" };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    // Registers the recurring jobs once the host starts (storage is ready by then).
    private sealed class ScheduleRegistration(IRecurringJobManager manager, Microsoft.Extensions.Options.IOptions<JobsOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            JobSchedule.Register(manager, options.Value);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
