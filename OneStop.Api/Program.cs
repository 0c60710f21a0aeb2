using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using NodaTime;
using OneStop.Api.Administration;
using OneStop.Api.AdministrationPages;
using OneStop.Api.Calendar;
using OneStop.Api.Catalogue;
using OneStop.Api.CitizenLookup;
using OneStop.Api.Deadlines;
using OneStop.Api.Desk;
using OneStop.Api.Documents;
using OneStop.Api.Dossiers;
using OneStop.Api.Search;
using OneStop.Api.Identity;
using OneStop.Api.Infrastructure;
using OneStop.Api.Lateness;
using OneStop.Api.Ledger;
using OneStop.Api.Pages;
using OneStop.Api.Problems;
using OneStop.Api.PublicStatus;
using OneStop.Api.Ratings;
using OneStop.Api.Restatements;
using OneStop.Api.Units;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Jobs.Hosting;
using OneStop.Persistence;

var builder = WebApplication.CreateBuilder(args);

// Time: the one place the system clock is named. Everything else takes IClock.
#pragma warning disable RS0030
builder.Services.AddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030

// HTTP conventions: RFC 9457 problem details, JSON enums as names, the public address (OpenAPI, links, allowed
// hosts, reverse proxies), rate limits.
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.Converters.Add(new PolicyStringConverter());
});

// The input policy's request limits; Kestrel's own are set above them so that a client sees problem answers.
builder.Services.AddOptions<RequestLimitOptions>().BindConfiguration(RequestLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.WebHost.ConfigureKestrel(o =>
{
    o.Limits.MaxRequestLineSize = 64 * 1024;
    o.Limits.MaxRequestBodySize = null;
});
builder.AddPublicAddress();
builder.Services.AddOpenApi(o =>
{
    o.AddSchemaTransformer(StringSchemaTransformer.TransformAsync);
    o.AddDocumentTransformer(PublicAddressSetup.NameServerAsync);
});
builder.Services.AddHttpContextAccessor();
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.OnRejected = (context, cancellationToken) => PageSetup.WriteTooManyRequestsAsync(context.HttpContext, cancellationToken);
    var perMinute = builder.Configuration.GetValue(PublicStatusOptions.Section + ":" + nameof(PublicStatusOptions.PermitPerMinute), new PublicStatusOptions().PermitPerMinute);
    o.AddPolicy(PublicStatusEndpoints.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
});

// Database, sign-in, the working calendar and deadlines.
var provider = builder.AddDatabase();
builder.Services.AddStaffIdentity();
builder.Services.AddOptions<OfficeHoursOptions>().BindConfiguration(OfficeHoursOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton(_ => new WorkingCalendarProvider(CalendarNoticeFile.LoadSeed()));
builder.Services.AddSingleton<AgencyDeadlines>();
builder.Services.AddCalendarPolling();

// Dossiers and documents.
builder.Services.AddScoped<DossierStore>();
builder.Services.AddScoped<DossierActions>();
builder.Services.AddScoped<DossierIntake>();
builder.Services.AddScoped<DossierSearch>();
builder.Services.AddScoped<PendingApologies>();
builder.Services.AddScoped<DeskQueue>();
builder.Services.AddScoped<StaffNames>();
builder.Services.AddScoped<DossierSearchBackfill>();
builder.Services.AddOptions<DossierCodeOptions>().BindConfiguration(DossierCodeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<DossierNumbering>();
CatalogueChangeInterceptor.AddProcedureCache(builder.Services);
builder.Services.AddDocuments();

// The citizen's lookup: the status read through a per-instance cache that saves evict, and the rating.
builder.Services.AddPublicStatus();

// Administration: calendar notices rebuild the working calendar when they change.
builder.Services.AddScoped<CalendarNoticeStore>();
builder.Services.AddScoped<UnitDirectory>();

// Server-rendered pages: the desk, the citizen's lookup, sign-in.
builder.Services.AddPages();

// The jobs (SLA check, notices, restatement, the nightly true-lateness audit; their services serve the dashboard
// too). The embedded default runs them in-process on Hangfire.InMemory; with a server database OneStop.Worker
// runs them (Jobs:InProcess=true runs them here as well).
if (provider == DatabaseProvider.Sqlite || builder.Configuration.GetValue("Jobs:InProcess", false))
{
    builder.Services.AddOneStopJobs(builder.Configuration, provider, builder.Configuration.GetConnectionString("OneStop"));
}
else
{
    builder.Services.AddOneStopJobServices(builder.Configuration);
}

var app = builder.Build();

// Commands: `migrate` (server databases) and `create-admin <user> <password> [<agency name> <electronic id>]`.
if (args.Length > 0 && await AdminCommands.RunAsync(app.Services, args, provider))
{
    return;
}

app.Services.EnsureDocumentFonts();
await StartupTasks.PrepareAsync(app.Services, migrate: provider == DatabaseProvider.Sqlite || app.Configuration.GetValue("Database:MigrateAtStart", false), CancellationToken.None);

// Behind the configured reverse proxies the client address is the citizen's (rate limits count per citizen).
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseSecurityHeaders();
app.UseStatusCodePages();
app.UseMiddleware<RequestPolicyMiddleware>();
app.UseStaticFiles();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi();
app.UseSwaggerUI(o =>
{
    // The API reference page, served from the package's own files: /api-docs.
    o.SwaggerEndpoint("/openapi/v1.json", "OneStop");
    o.RoutePrefix = "api-docs";
});
app.MapAuthEndpoints();
app.MapCalendarEndpoints();
app.MapDeadlineEndpoints();
app.MapDossierSearchEndpoints();
app.MapDossierEndpoints();
PendingApologies.MapPendingApologyEndpoints(app);
app.MapDocumentEndpoints();
app.MapPublicStatusEndpoints();
app.MapRatingEndpoints();
app.MapProcedureCatalogueEndpoints();
app.MapAgencyAdminEndpoints();
app.MapProcedureAdminEndpoints();
app.MapCalendarNoticeEndpoints();
app.MapUserAdminEndpoints();
app.MapUnitEndpoints();
app.MapSignInPages();
app.MapErrorPages();
app.MapDeskPages();
app.MapCitizenLookupPages();
app.MapLatenessEndpoints();
app.MapPatternEndpoints();
app.MapDashboardPage();
app.MapDashboardListPages();
app.MapDecision766Endpoints();
app.MapRestatementEndpoints();
app.MapLedgerEndpoints();
app.MapAdministrationPages();
app.MapNoticeAdminEndpoints();

// Health: the database and the notices (Degraded while a staff notice is undelivered).
app.MapHealthChecks("/health");

app.Run();

/// <summary>The API host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
