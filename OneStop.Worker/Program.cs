using Hangfire;
using NodaTime;
using OneStop.Calendar;
using OneStop.Jobs.Hosting;
using OneStop.Jobs.Ledger;
using OneStop.Persistence;
using OneStop.Worker;

var builder = WebApplication.CreateBuilder(args);

// Time: the one place the worker names the system clock.
#pragma warning disable RS0030
builder.Services.AddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030

// The database the API writes (Database:Provider, ConnectionStrings:OneStop, PersonalData:Key, the ledger's keys), the
// calendar (rebuilt from the stored notices when their revision changes, polled every Calendar:PollSeconds) and the
// jobs on the matching Hangfire storage.
var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
var connectionString = builder.Configuration.GetConnectionString("OneStop")
    ?? throw new InvalidOperationException("ConnectionStrings:OneStop is required: the worker works on the API's database.");
var key = builder.Configuration["PersonalData:Key"]
    ?? throw new InvalidOperationException("PersonalData:Key (the API's, base64 of 32 bytes) is required.");
builder.Services.AddSingleton(new PersonalDataCipher(
    Convert.FromBase64String(key),
    builder.Configuration["PersonalData:IndexKey"] is { Length: > 0 } indexKey ? Convert.FromBase64String(indexKey) : null));
builder.Services.AddLedgerKeys(builder.Configuration, builder.Environment.ContentRootPath, embedded: false, databaseFolder: null);
builder.Services.AddOneStopDatabase(provider, connectionString);
builder.Services.AddOptions<OfficeHoursOptions>().BindConfiguration(OfficeHoursOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton(_ => new WorkingCalendarProvider(CalendarNoticeFile.LoadSeed()));
builder.Services.AddOneStopJobs(builder.Configuration, provider, connectionString);
builder.Services.AddCalendarPolling();
builder.Services.AddHealthChecks();

var app = builder.Build();

// The calendar in force before the first check: the notices the API stored.
await app.Services.GetRequiredService<OneStop.Jobs.Calendar.CalendarRefreshJob>().RunAsync(CancellationToken.None);

app.MapHealthChecks("/health");

// The dashboard, administrators only: a request carrying Worker:DashboardToken as a bearer token (or the
// `hangfire-token` cookie it sets), or, when no token is configured, a request from this machine.
app.UseHangfireDashboard("/hangfire", new DashboardOptions
{
    Authorization = [new DashboardAccess(app.Configuration["Worker:DashboardToken"])],
    DisplayStorageConnectionString = false,
});

app.Run();
