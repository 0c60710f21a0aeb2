using NodaTime;
using OneStop.Dossiers;

namespace OneStop.Sla;

/// <summary>
/// The columns of a dossier the SLA check reads: what <see cref="SlaPlanner"/> needs, and the ledger head
/// (<see cref="EventCount"/>, <see cref="LastEventHash"/>, <see cref="Version"/>) its events chain on to. The
/// worker's set-based pass reads these with a projection instead of loading and tracking whole dossiers.
/// </summary>
public sealed record SlaSnapshot(
    Guid Id,
    string Code,
    Guid AgencyId,
    DossierStatus Status,
    string CurrentUnit,
    Instant AcceptedAt,
    Instant CountingStartsAt,
    Instant StatutoryDueAt,
    Instant AppointmentAt,
    int Reschedulings,
    Instant? ResultReadyAt,
    Instant? StepStartedAt,
    Instant? StepDueAt,
    SlaState SlaState,
    SlaState StepSlaState,
    int EventCount,
    string LastEventHash,
    int Version,
    Instant? SupplementDueAt,
    Instant? ClosedAt,
    Notifications.CitizenChannels NoticeChannels = Notifications.CitizenChannels.None)
{
    public static SlaSnapshot Of(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return new SlaSnapshot(
            dossier.Id, dossier.Code, dossier.AgencyId, dossier.Status, dossier.CurrentUnit, dossier.AcceptedAt, dossier.CountingStartsAt,
            dossier.StatutoryDueAt, dossier.AppointmentAt, dossier.Reschedulings, dossier.ResultReadyAt, dossier.StepStartedAt,
            dossier.StepDueAt, dossier.SlaState, dossier.StepSlaState, dossier.EventCount, dossier.LastEventHash, dossier.Version,
            dossier.SupplementDueAt, dossier.ClosedAt, dossier.NoticeChannels);
    }
}

/// <summary>
/// A dossier row after the SLA check of its snapshot: the new projection values and the ledger events to insert.
/// Saved only where the row still has <see cref="LoadedVersion"/> (optimistic concurrency, as for a tracked dossier).
/// </summary>
public sealed record SlaRowChange(
    Guid Id,
    int LoadedVersion,
    DossierStatus Status,
    SlaState SlaState,
    SlaState StepSlaState,
    int EventCount,
    string LastEventHash,
    int Version,
    Instant? NextSlaCheckAt,
    int Transitions,
    IReadOnlyList<DossierEvent> Events,
    Instant? ClosedAt = null);
