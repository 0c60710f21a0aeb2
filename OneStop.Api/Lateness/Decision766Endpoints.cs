using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using OneStop.Api.Identity;
using OneStop.Api.Problems;
using OneStop.Jobs.Lateness;
using OneStop.Lateness;
using OneStop.Persistence;
using OneStop.Users;

namespace OneStop.Api.Lateness;

/// <summary>The Decision 766/QĐ-TTg progress panel's figures (paper and true side by side), as JSON and as CSV and XLSX exports.</summary>
public sealed record Decision766Response(string Agency, string From, string To, int MaxPoints, Decision766Progress Paper, Decision766Progress True);

/// <summary>
/// The on-time component of the national index (Decision 766/QĐ-TTg, group "Tiến độ, kết quả giải quyết"):
/// <c>GET /api/dashboard/decision-766</c>, and its exports <c>/giam-sat/bao-cao-766.csv</c> and <c>.xlsx</c>
/// (supervisors and administrators; the cookie or a bearer token, as the dashboard's other exports).
/// </summary>
public static class Decision766Endpoints
{
    public static IEndpointRouteBuilder MapDecision766Endpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard/decision-766", Get).WithTags("Lateness").RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        app.MapGet("/giam-sat/bao-cao-766.csv", ExportCsv).ExcludeFromDescription().RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        app.MapGet("/giam-sat/bao-cao-766.xlsx", ExportXlsx).ExcludeFromDescription().RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        return app;
    }

    public static async Task<Results<Ok<Decision766Response>, ValidationProblem>> Get(
        string? agency, string? from, string? to, OneStopDbContext db, CurrentStaff staff, IClock clock, OutcomeIndicators indicators, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        if (scope is null)
        {
            return validation.Problem();
        }

        return TypedResults.Ok(await ComputeAsync(scope, null, indicators, cancellationToken));
    }

    /// <summary>The panel as CSV (UTF-8 with BOM): one line per figure, paper, true and the difference.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportCsv(
        string? agency, string? from, string? to, OneStopDbContext db, CurrentStaff staff, IClock clock, OutcomeIndicators indicators, CancellationToken cancellationToken)
    {
        var (scope, panel, invalid) = await PanelAsync(agency, from, to, db, staff, clock, indicators, cancellationToken);
        if (scope is null || panel is null)
        {
            return invalid!;
        }

        var text = new StringBuilder();
        // RFC 4180 line ends, whatever the server's platform.
        text.Append("Chỉ tiêu,Theo giấy tờ,Thực tế,Chênh lệch\r\n");
        foreach (var (label, paper, truth) in Lines(panel))
        {
            text.Append(string.Join(',', DashboardPage.Csv(label), Invariant(paper), Invariant(truth), Invariant(paper is { } p && truth is { } t ? p - t : null))).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", FileName(scope, "csv"));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportXlsx(
        string? agency, string? from, string? to, OneStopDbContext db, CurrentStaff staff, IClock clock, OutcomeIndicators indicators, CancellationToken cancellationToken)
    {
        var (scope, panel, invalid) = await PanelAsync(agency, from, to, db, staff, clock, indicators, cancellationToken);
        if (scope is null || panel is null)
        {
            return invalid!;
        }

        return TypedResults.File(DashboardWorkbook.BuildDecision766(scope.Agency.Name, scope.FromDate, scope.ToDate, Lines(panel)), DashboardWorkbook.ContentType, FileName(scope, "xlsx"));
    }

    // What both exports start from: the scope asked for (400 when it is not valid) and its panel.
    private static async Task<(DashboardScope? Scope, Decision766Response? Panel, ValidationProblem? Invalid)> PanelAsync(
        string? agency, string? from, string? to, OneStopDbContext db, CurrentStaff staff, IClock clock, OutcomeIndicators indicators, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var scope = await DashboardScope.ResolveAsync(agency, from, to, db, staff, clock, validation, cancellationToken);
        return scope is null ? (null, null, validation.Problem()) : (scope, await ComputeAsync(scope, null, indicators, cancellationToken), null);
    }

    /// <summary>The panel of a scope; <paramref name="totals"/> when the caller already counted them (the page).</summary>
    internal static async Task<Decision766Response> ComputeAsync(DashboardScope scope, IndicatorCounts? totals, OutcomeIndicators indicators, CancellationToken cancellationToken)
    {
        totals ??= await indicators.TotalsAsync(scope.Agency.Path, scope.From, scope.To, cancellationToken);
        var (overdue, paused) = await indicators.InProcessOnPaperAsync(scope.Agency.Path, scope.From, scope.To, cancellationToken);
        return new Decision766Response(
            scope.Agency.ElectronicId, DashboardScope.Format(scope.FromDate), DashboardScope.Format(scope.ToDate), Decision766Progress.MaxPoints,
            Decision766Progress.Paper(totals, overdue, paused), Decision766Progress.True(totals, paused));
    }

    /// <summary>The panel's lines (label, paper, true): counts, then rates as fractions, then points. The page, the CSV and the workbook show these.</summary>
    internal static IReadOnlyList<(string Label, decimal? Paper, decimal? True)> Lines(Decision766Response panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var (p, t) = (panel.Paper, panel.True);
        return
        [
            ("Hồ sơ đã xử lý trong kỳ", p.Processed, t.Processed),
            ("Đã xử lý trước hạn, đúng hạn", p.ProcessedOnTime, t.ProcessedOnTime),
            ("Đã xử lý quá hạn", p.ProcessedLate, t.ProcessedLate),
            ("Đang xử lý", p.InProcess, t.InProcess),
            ("Đang xử lý quá hạn", p.InProcessOverdue, t.InProcessOverdue),
            ("Đang chờ bổ sung (dừng xử lý)", p.Paused, t.Paused),
            (RateLabel, p.ProcessedOnTimeRate, t.ProcessedOnTimeRate),
            (HandledRateLabel, p.HandledOnTimeRate, t.HandledOnTimeRate),
            (PointsLabel, p.Points, t.Points),
        ];
    }

    internal const string RateLabel = "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn";
    internal const string HandledRateLabel = "Tỷ lệ đúng hạn gồm hồ sơ đang xử lý quá hạn";
    internal const string PointsLabel = "Điểm thành phần tiến độ (tối đa 20)";

    private static string FileName(DashboardScope scope, string extension) =>
        $"qd766-{scope.Agency.ElectronicId}-{DashboardScope.Format(scope.FromDate)}-{DashboardScope.Format(scope.ToDate)}.{extension}";

    private static string Invariant(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
