using System.Globalization;
using NodaTime;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Sla;

namespace OneStop.Dossiers;

/// <summary>
/// The columns of a dossier row that are a projection of its ledger (domain.md, "The dossier's life"), as text, so
/// that the row as stored and the row replayed from the events (<see cref="DossierProjection"/>) compare column by
/// column. What the public page and the indicators read is here: status, dues, appointment, counts.
/// </summary>
public sealed record DossierRow(IReadOnlyDictionary<string, string?> Columns)
{
    /// <summary>The row of a loaded dossier.</summary>
    public static DossierRow Of(Dossier d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return Of(new DossierRowValues(
            d.Id, d.Code, d.TrackingNumber, d.Status, d.CurrentUnit, d.AcceptedAt, d.ProcessingAmount, d.ProcessingUnit, d.CountingMode,
            d.CountingStartsAt, d.StatutoryDueAt, d.DueCalendarStatus, d.AppointmentAt, d.Reschedulings, d.SupplementRequestCount,
            d.StepStartedAt, d.StepDueAt, d.ResultReadyAt, d.ClosedAt, d.SlaState, d.StepSlaState, d.EventCount, d.LastEventHash));
    }

    /// <summary>The row of the projected columns (read without the personal data).</summary>
    public static DossierRow Of(DossierRowValues d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new DossierRow(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [nameof(Dossier.Code)] = d.Code,
            [nameof(Dossier.TrackingNumber)] = Text(d.TrackingNumber),
            [nameof(Dossier.Status)] = d.Status.ToString(),
            [nameof(Dossier.CurrentUnit)] = d.CurrentUnit,
            [nameof(Dossier.AcceptedAt)] = Text(d.AcceptedAt),
            [nameof(Dossier.ProcessingAmount)] = Text(d.ProcessingAmount),
            [nameof(Dossier.ProcessingUnit)] = d.ProcessingUnit.ToString(),
            [nameof(Dossier.CountingMode)] = d.CountingMode.ToString(),
            [nameof(Dossier.CountingStartsAt)] = Text(d.CountingStartsAt),
            [nameof(Dossier.StatutoryDueAt)] = Text(d.StatutoryDueAt),
            [nameof(Dossier.DueCalendarStatus)] = d.DueCalendarStatus.ToString(),
            [nameof(Dossier.AppointmentAt)] = Text(d.AppointmentAt),
            [nameof(Dossier.Reschedulings)] = Text(d.Reschedulings),
            [nameof(Dossier.SupplementRequestCount)] = Text(d.SupplementRequestCount),
            [nameof(Dossier.StepStartedAt)] = Text(d.StepStartedAt),
            [nameof(Dossier.StepDueAt)] = Text(d.StepDueAt),
            [nameof(Dossier.ResultReadyAt)] = Text(d.ResultReadyAt),
            [nameof(Dossier.ClosedAt)] = Text(d.ClosedAt),
            [nameof(Dossier.SlaState)] = d.SlaState.ToString(),
            [nameof(Dossier.StepSlaState)] = d.StepSlaState.ToString(),
            [nameof(Dossier.EventCount)] = Text(d.EventCount),
            [nameof(Dossier.LastEventHash)] = d.LastEventHash,
        });
    }

    /// <summary>The columns where this row differs from the replayed one, for the columns the replay knows.</summary>
    public IReadOnlyList<RowDifference> DifferencesFrom(DossierRow replayed)
    {
        ArgumentNullException.ThrowIfNull(replayed);
        return replayed.Columns
            .Where(c => Columns.TryGetValue(c.Key, out var stored) && !Same(c.Key, stored, c.Value))
            .Select(c => new RowDifference(c.Key, Columns[c.Key], c.Value))
            .OrderBy(d => d.Column, StringComparer.Ordinal)
            .ToList();
    }

    // A unit is compared by its catalogue key (OneStop.Agencies.UnitName): the start-up migration writes the
    // catalogue's spelling into rows whose events carry an older one ("tư pháp " for "Tư pháp"); nothing else may differ.
    private static bool Same(string column, string? stored, string? replayed) =>
        column == nameof(Dossier.CurrentUnit)
            ? string.Equals(Agencies.UnitName.Key(stored), Agencies.UnitName.Key(replayed), StringComparison.Ordinal)
            : string.Equals(stored, replayed, StringComparison.Ordinal);

    internal static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string? Text(Instant? value) => value is { } v ? OfficeTime.FormatIso(v) : null;

    internal static string Text(ProcessingTime time) => $"{time.Amount} {time.Unit}";

    internal static string Text(SlaState state) => state.ToString();
}

/// <summary>The ledger-projected columns of a dossier row, as a query reads them (no personal data).</summary>
public sealed record DossierRowValues(
    Guid Id,
    string Code,
    int TrackingNumber,
    DossierStatus Status,
    string CurrentUnit,
    Instant AcceptedAt,
    int ProcessingAmount,
    DurationUnit ProcessingUnit,
    CountingMode CountingMode,
    Instant CountingStartsAt,
    Instant StatutoryDueAt,
    CalendarStatus DueCalendarStatus,
    Instant AppointmentAt,
    int Reschedulings,
    int SupplementRequestCount,
    Instant? StepStartedAt,
    Instant? StepDueAt,
    Instant? ResultReadyAt,
    Instant? ClosedAt,
    SlaState SlaState,
    SlaState StepSlaState,
    int EventCount,
    string LastEventHash)
{
    public ProcessingTime ProcessingTime => new(ProcessingAmount, ProcessingUnit);
}

/// <summary>A column of the dossier row that the ledger does not support: what the row says, and what the events say.</summary>
public sealed record RowDifference(string Column, string? Row, string? Ledger);
