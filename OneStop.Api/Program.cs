using System.Text.Json.Serialization;
using NodaTime;
using OneStop.Api.Calendar;
using OneStop.Api.Deadlines;
using OneStop.Api.Problems;
using OneStop.Calendar;

var builder = WebApplication.CreateBuilder(args);

// Time: the one place the system clock is named. Everything else takes IClock.
#pragma warning disable RS0030
builder.Services.AddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030

// HTTP conventions: RFC 9457 problem details, JSON enums as names, OpenAPI.
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddOpenApi();

// The working calendar and deadlines.
builder.Services.AddOptions<OfficeHoursOptions>().BindConfiguration(OfficeHoursOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton(_ => new WorkingCalendarProvider(CalendarNoticeFile.LoadSeed()));

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapCalendarEndpoints();
app.MapDeadlineEndpoints();

app.Run();

/// <summary>The API host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
