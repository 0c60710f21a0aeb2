using OneStop.Calendar;

namespace OneStop.Dossiers;

/// <summary>
/// Replays a dossier's events into the row they project (<see cref="DossierRow"/>), from the details each event
/// records, the way <see cref="Dossier"/>'s methods set the columns. A column is left out of the replay when an event
/// that sets it lacks the detail (events of an older version, or a kind this version does not know), so that only
/// what the ledger proves is compared with the row.
/// </summary>
public static class DossierProjection
{
    /// <summary>The row the events project, for the columns they determine.</summary>
    public static DossierRow Replay(IReadOnlyList<DossierEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var row = new Projected();
        var count = 0;
        foreach (var e in events)
        {
            var details = EventDetails.Read(e.Details);
            switch (e.Kind)
            {
                case DossierEventKind.Registered: row.Registered(e, details); break;
                case DossierEventKind.HandedOver: row.HandedOver(e, details); break;
                case DossierEventKind.SupplementRequested: row.SupplementRequested(); break;
                case DossierEventKind.SupplementReceived: row.SupplementReceived(details); break;
                case DossierEventKind.ApologyApproved: row.ApologyApproved(details); break;
                case DossierEventKind.ReceiptReissued: row.ReceiptReissued(details); break;
                case DossierEventKind.ResultReady: row.ResultReady(e); break;
                case DossierEventKind.Returned: row.Closed(e, DossierStatus.Returned); break;
                case DossierEventKind.Refused: row.Closed(e, DossierStatus.Refused); break;
                case DossierEventKind.Stopped: row.Closed(e, DossierStatus.Stopped); break;
                case DossierEventKind.SupplementLapsed: row.Closed(e, DossierStatus.Lapsed); break;
                case DossierEventKind.DeadlineRestated: row.Restated(details); break;
                case DossierEventKind.SlaStateChanged: row.Set(nameof(Dossier.SlaState), details, "to"); break;
                case DossierEventKind.StepSlaStateChanged: row.Set(nameof(Dossier.StepSlaState), details, "to"); break;
                case DossierEventKind.NotCollected: row.Columns[nameof(Dossier.Status)] = nameof(DossierStatus.NotCollected); break;
                case DossierEventKind.VisitLogged or DossierEventKind.ApologyRequested or DossierEventKind.ApologyRejected or DossierEventKind.LedgerRechained: break;
                default: row.Unknown(); break;
            }

            // The row counts the events it appended: a deleted one shows here as well as in the chain.
            row.Columns[nameof(Dossier.EventCount)] = DossierRow.Text(++count);
            row.Columns[nameof(Dossier.LastEventHash)] = e.Hash;
        }

        foreach (var column in row.Unknowns)
        {
            row.Columns.Remove(column);
        }

        return new DossierRow(row.Columns);
    }

    private sealed class Projected
    {
        public Dictionary<string, string?> Columns { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Unknowns { get; } = new(StringComparer.Ordinal);

        private int _reschedulings;
        private int _supplements;

        public void Registered(DossierEvent e, IReadOnlyDictionary<string, string> details)
        {
            Set(nameof(Dossier.Code), details, "code");
            Set(nameof(Dossier.TrackingNumber), details, "trackingNumber");
            Set(nameof(Dossier.ProcessingAmount), details, "processingAmount");
            Set(nameof(Dossier.ProcessingUnit), details, "processingUnit");
            Set(nameof(Dossier.CountingMode), details, "countingMode");
            Set(nameof(Dossier.CountingStartsAt), details, "countingStartsAt");
            Set(nameof(Dossier.StatutoryDueAt), details, "statutoryDueAt");
            Set(nameof(Dossier.AppointmentAt), details, "appointmentAt");
            Set(nameof(Dossier.DueCalendarStatus), details, "calendarStatus");
            Columns[nameof(Dossier.AcceptedAt)] = DossierRow.Text(e.OccurredAt);
            Columns[nameof(Dossier.Status)] = nameof(DossierStatus.Received);
            Columns[nameof(Dossier.CurrentUnit)] = Dossier.DeskUnit;
            Columns[nameof(Dossier.Reschedulings)] = "0";
            Columns[nameof(Dossier.SupplementRequestCount)] = "0";
            Columns[nameof(Dossier.StepStartedAt)] = null;
            Columns[nameof(Dossier.StepDueAt)] = null;
            Columns[nameof(Dossier.ResultReadyAt)] = null;
            Columns[nameof(Dossier.ClosedAt)] = null;
            Columns[nameof(Dossier.SlaState)] = nameof(Sla.SlaState.OnTrack);
            Columns[nameof(Dossier.StepSlaState)] = nameof(Sla.SlaState.OnTrack);
        }

        public void HandedOver(DossierEvent e, IReadOnlyDictionary<string, string> details)
        {
            if (!details.TryGetValue("to", out var to))
            {
                Unknowns.Add(nameof(Dossier.CurrentUnit));
                return;
            }

            Columns[nameof(Dossier.CurrentUnit)] = to;
            Columns[nameof(Dossier.StepStartedAt)] = DossierRow.Text(e.OccurredAt);
            Columns[nameof(Dossier.StepDueAt)] = details.GetValueOrDefault("stepDueAt");
            Columns[nameof(Dossier.StepSlaState)] = nameof(Sla.SlaState.OnTrack);
            if (Columns.GetValueOrDefault(nameof(Dossier.Status)) == nameof(DossierStatus.Received) && to != Dossier.DeskUnit)
            {
                Columns[nameof(Dossier.Status)] = nameof(DossierStatus.InProcess);
            }
        }

        public void SupplementRequested()
        {
            Columns[nameof(Dossier.Status)] = nameof(DossierStatus.AwaitingSupplement);
            Columns[nameof(Dossier.SupplementRequestCount)] = DossierRow.Text(++_supplements);
        }

        public void SupplementReceived(IReadOnlyDictionary<string, string> details)
        {
            Columns[nameof(Dossier.Status)] = nameof(DossierStatus.InProcess);
            Set(nameof(Dossier.CountingStartsAt), details, "countingStartsAt");
            Set(nameof(Dossier.StatutoryDueAt), details, "statutoryDueAt");
            Set(nameof(Dossier.AppointmentAt), details, "appointmentAt");
            Set(nameof(Dossier.DueCalendarStatus), details, "calendarStatus");
        }

        public void ApologyApproved(IReadOnlyDictionary<string, string> details)
        {
            Set(nameof(Dossier.AppointmentAt), details, "appointmentAt");
            Columns[nameof(Dossier.Reschedulings)] = DossierRow.Text(++_reschedulings);
        }

        public void ReceiptReissued(IReadOnlyDictionary<string, string> details)
        {
            if (details.GetValueOrDefault("appointmentAt") is { } after && after != details.GetValueOrDefault("appointmentBefore"))
            {
                Columns[nameof(Dossier.AppointmentAt)] = after;
                Columns[nameof(Dossier.Reschedulings)] = DossierRow.Text(++_reschedulings);
            }
        }

        public void ResultReady(DossierEvent e)
        {
            Columns[nameof(Dossier.Status)] = nameof(DossierStatus.ResultReady);
            Columns[nameof(Dossier.ResultReadyAt)] = DossierRow.Text(e.OccurredAt);
            Columns[nameof(Dossier.CurrentUnit)] = Dossier.DeskUnit;
            Columns[nameof(Dossier.StepDueAt)] = null;
        }

        public void Closed(DossierEvent e, DossierStatus status)
        {
            Columns[nameof(Dossier.Status)] = status.ToString();
            Columns[nameof(Dossier.ClosedAt)] = DossierRow.Text(e.OccurredAt);
        }

        public void Restated(IReadOnlyDictionary<string, string> details)
        {
            Set(nameof(Dossier.StatutoryDueAt), details, "statutoryDueAt");
            Set(nameof(Dossier.DueCalendarStatus), details, "calendarStatus");
            Set(nameof(Dossier.AppointmentAt), details, "appointmentAt");
        }

        /// <summary>An event kind this version does not know: the state columns can no longer be proven.</summary>
        public void Unknown()
        {
            foreach (var column in new[] { nameof(Dossier.Status), nameof(Dossier.ClosedAt), nameof(Dossier.CurrentUnit), nameof(Dossier.StatutoryDueAt), nameof(Dossier.AppointmentAt), nameof(Dossier.CountingStartsAt), nameof(Dossier.DueCalendarStatus) })
            {
                Unknowns.Add(column);
            }
        }

        public void Set(string column, IReadOnlyDictionary<string, string> details, string key)
        {
            if (details.TryGetValue(key, out var value))
            {
                Columns[column] = Normalise(column, value);
            }
            else
            {
                Unknowns.Add(column);
            }
        }

        // Instants are compared as the row formats them (office time, to the second).
        private static string Normalise(string column, string value) =>
            column.EndsWith("At", StringComparison.Ordinal) && OfficeTime.IsoPattern.Parse(value) is { Success: true } parsed
                ? OfficeTime.FormatIso(parsed.Value.ToInstant())
                : value;
    }
}
