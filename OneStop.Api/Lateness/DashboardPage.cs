using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OneStop.Api.Identity;
using OneStop.Api.Pages;
using OneStop.Api.Problems;
using OneStop.Calendar;
using OneStop.Jobs.Lateness;
using OneStop.Lateness;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Lateness;

/// <summary>
/// The supervisor's dashboard (<c>/giam-sat</c>), server-rendered in Vietnamese: counts and both on-time rates,
/// the late list, the dossiers where paper and truth differ with their findings, the weekly trend, filters and
/// exports (the page itself is <see cref="DashboardView"/>). Supervisors and administrators only
/// (<see cref="Policies.Supervisor"/>): signed out → <c>/dang-nhap</c>, another role → the 403 page.
/// </summary>
public static class DashboardPage
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static IEndpointRouteBuilder MapDashboardPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/giam-sat", Render).ExcludeFromDescription().RequireAuthorization(Policies.Supervisor);
        // The exports are downloads for the page's links and for scripts alike: the cookie or a bearer token, as the API.
        app.MapGet("/giam-sat/bao-cao.csv", ExportCsv).ExcludeFromDescription().RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        app.MapGet("/giam-sat/bao-cao.xlsx", ExportXlsx).ExcludeFromDescription().RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        return app;
    }

    public static async Task<Results<RazorComponentResult<DashboardView>, ValidationProblem>> Render(
        string? agency, string? from, string? to, string? unit, string? procedure, string? kind,
        OneStopDbContext db, CurrentStaff staff, IClock clock, OutcomeIndicators indicators, PatternIndicators patterns, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var filter = LatenessEndpoints.Filter(unit, procedure, kind, validation);
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null || filter is null || !validation.IsValid)
        {
            return validation.Problem();
        }

        var member = await staff.GetAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(member.AgencyPath)).OrderBy(a => a.Path).ToListAsync(cancellationToken);
        // A number or a code followed from a table: the lists narrowed to it (the counts stay the period's).
        var summary = await LatenessEndpoints.SummariseAsync(scope, indicators, cancellationToken, filter);

        var ratings = await Ratings.RatingEndpoints.SummariseAsync(scope, db, cancellationToken);
        // The trend: the period of the same length just before, by its final figures.
        var previous = Previous(scope);
        var before = await indicators.FinalTotalsAsync(previous.Agency.Path, previous.From, previous.To, cancellationToken);
        var decision766 = await Decision766Endpoints.ComputeAsync(scope, summary.Totals, indicators, cancellationToken);
        var found = await patterns.SummariseAsync(scope.Agency.Path, scope.From, scope.To, cancellationToken);
        return PageResults.Page<DashboardView>(new
        {
            Scope = scope, MemberName = member.FullName, Agencies = agencies, Summary = summary, Filter = filter, Ratings = ratings,
            Previous = previous, PreviousTotals = before, Decision766 = decision766, Patterns = found,
        });
    }

    /// <summary>
    /// One line per dossier of the period from the stored outcomes, streamed (never the whole period in memory), UTF-8
    /// with a byte-order mark so that Excel reads Vietnamese. An open dossier's late minutes are as of its last audit.
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportCsv(
        string? agency, string? from, string? to, OneStopDbContext db, CurrentStaff staff, IClock clock, OutcomeIndicators indicators, LatenessService service, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null)
        {
            return validation.Problem();
        }

        await service.DrainRefreshesAsync(cancellationToken);
        var name = $"giam-sat-{scope.Agency.ElectronicId}-{DashboardScope.Format(scope.FromDate)}-{DashboardScope.Format(scope.ToDate)}.csv";
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
            await writer.WriteLineAsync("Mã hồ sơ,Cơ quan,Thủ tục,Đơn vị giải quyết,Cán bộ tiếp nhận,Tiếp nhận,Hạn luật định,Lịch hẹn,Có kết quả (thực tế),Có kết quả (khai báo),Đúng hạn trên giấy,Đúng hạn thực tế,Số phút làm việc trễ,Đơn vị chịu trách nhiệm,Phát hiện");
            await foreach (var o in indicators.RowsAsync(scope.Agency.Path, scope.From, scope.To).WithCancellation(cancellationToken))
            {
                bool? truth = o.Outcome switch { TrueOutcome.Early or TrueOutcome.OnTime => true, TrueOutcome.Late => false, _ => null };
                var late = o.Outcome == TrueOutcome.Late || o.Standing == OpenStanding.Overdue || (o.Outcome == TrueOutcome.Refused && o.LateMinutes > 0);
                await writer.WriteLineAsync(string.Join(',', new[]
                {
                    o.Code, o.AgencyName, o.ProcedureName, o.Department, o.Clerk, OfficeTime.FormatIso(o.AcceptedAt), OfficeTime.FormatIso(o.StatutoryDueAt),
                    OfficeTime.FormatIso(o.AppointmentAt), o.ResultAt is { } r ? OfficeTime.FormatIso(r) : string.Empty,
                    o.DeclaredResultAt is { } dr ? OfficeTime.FormatIso(dr) : string.Empty, YesNo(o.PaperOnTime), YesNo(truth),
                    o.LateMinutes.ToString(CultureInfo.InvariantCulture), late ? o.UnitAtDue : string.Empty, o.FindingKinds.Replace(",", "; ", StringComparison.Ordinal),
                }.Select(Csv)));
            }
        }, "text/csv; charset=utf-8", name);
    }

    /// <summary>The dashboard as a workbook: counts and rates, groups, the late list, the masked dossiers with their findings.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportXlsx(
        string? agency, string? from, string? to, OneStopDbContext db, CurrentStaff staff, IClock clock, OutcomeIndicators indicators, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null)
        {
            return validation.Problem();
        }

        var summary = await LatenessEndpoints.SummariseAsync(scope, indicators, cancellationToken);
        var name = $"giam-sat-{scope.Agency.ElectronicId}-{DashboardScope.Format(scope.FromDate)}-{DashboardScope.Format(scope.ToDate)}.xlsx";
        return TypedResults.File(DashboardWorkbook.Build(scope.Agency.Name, scope.FromDate, scope.ToDate, summary), DashboardWorkbook.ContentType, name);
    }

    /// <summary>The period of the same length (in days) that ends the day before <paramref name="scope"/> starts.</summary>
    internal static DashboardScope Previous(DashboardScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var days = Period.Between(scope.FromDate, scope.ToDate, PeriodUnits.Days).Days + 1;
        return scope with { FromDate = scope.FromDate.PlusDays(-days), ToDate = scope.FromDate.PlusDays(-1) };
    }

    /// <summary>The period's query (agency, from, to) that every link of the dashboard keeps.</summary>
    internal static string ScopeQuery(DashboardScope scope) =>
        $"agency={Uri.EscapeDataString(scope.Agency.ElectronicId)}&from={DashboardScope.Format(scope.FromDate)}&to={DashboardScope.Format(scope.ToDate)}";

    /// <summary>The list behind a figure of the dashboard, with the period kept and an optional extra query.</summary>
    internal static string ListHref(DashboardScope scope, DashboardList list, string extra = "") =>
        $"{DashboardListPages.ListPath}?list={list.Slug}&{ScopeQuery(scope)}{extra}";

    /// <summary>The staff's page of a dossier, where its findings are shown.</summary>
    internal static string DossierHref(string code) => "/quay/ho-so/" + Uri.EscapeDataString(code);

    internal static string FindingName(FindingKind kind) => kind switch
    {
        FindingKind.LateAgainstStatute => "Trễ so với hạn luật định",
        FindingKind.AppointmentBeyondStatute => "Lịch hẹn vượt hạn luật định",
        FindingKind.ReceiptReissued => "Cấp lại giấy tiếp nhận, dời lịch hẹn",
        FindingKind.ApologyLate => "Phiếu xin lỗi gửi muộn",
        FindingKind.ApologyMissing => "Không có phiếu xin lỗi",
        FindingKind.SecondRescheduling => "Dời lịch hẹn lần thứ hai",
        FindingKind.SupplementOutOfTime => "Yêu cầu bổ sung quá thời hạn",
        FindingKind.RepeatedSupplement => "Yêu cầu bổ sung nhiều lần",
        FindingKind.Backdated => "Khai lùi thời gian",
        FindingKind.ResultNotThere => "Công dân đến nhưng chưa có kết quả",
        _ => "Sổ sự kiện bị sửa",
    };

    internal static string Rate(decimal? rate) => rate is { } r ? (r * 100).ToString("0.0", Vi) + "%" : "–";

    internal static string N(int n) => n.ToString("N0", Vi);

    internal static string Hours(long minutes) => (minutes / 60m).ToString("0.0", Vi);

    internal static string Date(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    internal static string At(Instant instant) => OfficeTime.ToLocal(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string YesNo(bool? value) => value switch { true => "Có", false => "Không", _ => string.Empty };

    /// <summary>
    /// A CSV cell. Text that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage
    /// return: OWASP "CSV injection") gets a leading apostrophe, so a unit typed as <c>=HYPERLINK(...)</c> is shown
    /// as text (a plain number such as -5 stays a number); then quoted when it holds a comma, quote or line break.
    /// </summary>
    internal static string Csv(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var formula = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
        var text = formula ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
