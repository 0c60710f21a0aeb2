using OneStop.Tests.Persistence;

namespace OneStop.Tests.Api.Lateness;

/// <summary>Issue 12's scenarios on the embedded default (SQLite), one host for the class.</summary>
public sealed class LaunderingScenarioTests(OneStopApiFactory factory)
    : LaunderingScenarios<OneStopApiFactory>(factory), IClassFixture<OneStopApiFactory>
{
    [Fact]
    public Task Verify_LateResultMovedAndRehashedWithThePublishedRecipe_Invalid() => RehashedWithThePublishedRecipeAsync();

    [Fact]
    public Task Verify_HistoryRewrittenWithTheKeyBeforeTheCheckpoint_InvalidAgainstTheCheckpoint() => RewrittenWithTheKeyBeforeTheCheckpointAsync();

    [Fact]
    public Task Verify_UntouchedLedgerAfterCheckpoint_ValidAndCheckpointServed() => CheckpointServedAndUntouchedLedgerValidAsync();

    [Fact]
    public Task LedgerMigration_LegacyUnkeyedLedger_RechainedOnceAndRecorded() => LegacyLedgerRechainedOnceAsync();

    [Fact]
    public Task Verify_RowEditedInDatabase_LedgerTamperedNamingTheColumns() => RowEditedAsync();

    [Fact]
    public Task Audit_SupplementRequestedAfterTheDue_TrulyLateAndListedAsMasked() => SupplementRequestedAfterTheDueAsync();

    [Fact]
    public Task Audit_VisitRecordedAfterAppointmentDeclaredBefore_ResultNotThereAndBackdated() => BackdatedVisitAsync();

    [Fact]
    public Task Audit_CitizenLeftWithoutTheReadyResult_ResultNotThere() => CitizenLeftWithoutTheReadyResultAsync();

    [Fact]
    public Task Audit_VisitBeforeTheAppointmentThenReturnAtIt_NoFinding() => VisitBeforeTheAppointmentAsync();

    [Fact]
    public Task Audit_StoppedAfterTheDue_StoppedAfterDue() => StoppedAfterTheDueAsync();

    [Fact]
    public Task Audit_StoppedBeforeTheDue_NoFinding() => StoppedBeforeTheDueAsync();

    [Fact]
    public Task Audit_OpenPastTheDueAfterSlaCheck_ApologyMissingCitesRegistrationAndSlaEvent() => OpenPastTheDueCitesRegistrationAndSlaAsync();

    [Fact]
    public Task Audit_ResultEventDeleted_LedgerTamperedCitesTheEventThatNoLongerChains() => DeletedEventCitesTheNextAsync();

    [Fact]
    public Task Summary_OpenDossiers_CountedAsTheirAuditsJudgeThem() => DashboardAgreesWithTheAuditsAsync();
}

/// <summary>
/// Issue 12's calendar and office-hours scenarios on SQLite, a new host per test: a calendar revision is the time its
/// newest notice was recorded, and a shared host whose clock jumps between years would record notices out of order.
/// </summary>
public sealed class RestatedRulesScenarioTests() : LaunderingScenarios<OneStopApiFactory>(new OneStopApiFactory()), IDisposable
{
    [Fact]
    public Task Audit_PastDayMadeDayOffAfterClose_JudgedByRecordedCalendarAndDueRestated() => PastDayMadeDayOffAfterCloseAsync();

    [Fact]
    public Task Audit_CutOffChangedAfterClose_JudgedByRecordedOfficeHoursAndDueRestated() => CutOffChangedAfterCloseAsync();

    [Fact]
    public Task Audit_ProvisionalYearMadeOfficialAfterClose_OfficialDueAppliesAndRestatementShown() => ProvisionalYearMadeOfficialAfterCloseAsync();

    [Fact]
    public Task Audit_NoticeForProvisionalYearBeforeClose_RestatedWithEventAndNoFinding() => ProvisionalYearMadeOfficialWhileOpenAsync();

    public void Dispose() => Factory.Dispose();
}

/// <summary>Issue 12's scenarios on PostgreSQL: a new database per test.</summary>
[Collection("postgres")]
public sealed class PostgresLaunderingScenarioTests(PostgresCluster cluster)
    : LaunderingScenarios<PostgresApiFactory>(new PostgresApiFactory(cluster)), IDisposable
{
    [PostgresFact]
    public Task Verify_LateResultMovedAndRehashedWithThePublishedRecipe_Invalid() => RehashedWithThePublishedRecipeAsync();

    [PostgresFact]
    public Task Verify_HistoryRewrittenWithTheKeyBeforeTheCheckpoint_InvalidAgainstTheCheckpoint() => RewrittenWithTheKeyBeforeTheCheckpointAsync();

    [PostgresFact]
    public Task Verify_UntouchedLedgerAfterCheckpoint_ValidAndCheckpointServed() => CheckpointServedAndUntouchedLedgerValidAsync();

    [PostgresFact]
    public Task LedgerMigration_LegacyUnkeyedLedger_RechainedOnceAndRecorded() => LegacyLedgerRechainedOnceAsync();

    [PostgresFact]
    public Task Verify_RowEditedInDatabase_LedgerTamperedNamingTheColumns() => RowEditedAsync();

    [PostgresFact]
    public Task Audit_PastDayMadeDayOffAfterClose_JudgedByRecordedCalendarAndDueRestated() => PastDayMadeDayOffAfterCloseAsync();

    [PostgresFact]
    public Task Audit_CutOffChangedAfterClose_JudgedByRecordedOfficeHoursAndDueRestated() => CutOffChangedAfterCloseAsync();

    [PostgresFact]
    public Task Audit_ProvisionalYearMadeOfficialAfterClose_OfficialDueAppliesAndRestatementShown() => ProvisionalYearMadeOfficialAfterCloseAsync();

    [PostgresFact]
    public Task Audit_NoticeForProvisionalYearBeforeClose_RestatedWithEventAndNoFinding() => ProvisionalYearMadeOfficialWhileOpenAsync();

    [PostgresFact]
    public Task Audit_SupplementRequestedAfterTheDue_TrulyLateAndListedAsMasked() => SupplementRequestedAfterTheDueAsync();

    [PostgresFact]
    public Task Audit_VisitRecordedAfterAppointmentDeclaredBefore_ResultNotThereAndBackdated() => BackdatedVisitAsync();

    [PostgresFact]
    public Task Audit_CitizenLeftWithoutTheReadyResult_ResultNotThere() => CitizenLeftWithoutTheReadyResultAsync();

    [PostgresFact]
    public Task Audit_VisitBeforeTheAppointmentThenReturnAtIt_NoFinding() => VisitBeforeTheAppointmentAsync();

    [PostgresFact]
    public Task Audit_StoppedAfterTheDue_StoppedAfterDue() => StoppedAfterTheDueAsync();

    [PostgresFact]
    public Task Audit_StoppedBeforeTheDue_NoFinding() => StoppedBeforeTheDueAsync();

    [PostgresFact]
    public Task Audit_OpenPastTheDueAfterSlaCheck_ApologyMissingCitesRegistrationAndSlaEvent() => OpenPastTheDueCitesRegistrationAndSlaAsync();

    [PostgresFact]
    public Task Audit_ResultEventDeleted_LedgerTamperedCitesTheEventThatNoLongerChains() => DeletedEventCitesTheNextAsync();

    [PostgresFact]
    public Task Summary_OpenDossiers_CountedAsTheirAuditsJudgeThem() => DashboardAgreesWithTheAuditsAsync();

    public void Dispose() => Factory.Dispose();
}
