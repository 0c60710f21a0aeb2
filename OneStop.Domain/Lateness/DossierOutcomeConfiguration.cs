using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Dossiers;

namespace OneStop.Lateness;

internal sealed class DossierOutcomeConfiguration : IEntityTypeConfiguration<DossierOutcome>
{
    public void Configure(EntityTypeBuilder<DossierOutcome> builder)
    {
        builder.HasKey(o => o.DossierId);
        builder.HasOne<Dossier>().WithOne().HasForeignKey<DossierOutcome>(o => o.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.AgencyPath).HasMaxLength(800);
        builder.Property(o => o.AgencyElectronicId).HasMaxLength(40);
        builder.Property(o => o.AgencyName).HasMaxLength(300);
        builder.Property(o => o.Code).HasMaxLength(60);
        builder.Property(o => o.ProcedureCode).HasMaxLength(40);
        builder.Property(o => o.ProcedureName).HasMaxLength(500);
        builder.Property(o => o.Clerk).HasMaxLength(256);
        builder.Property(o => o.AcceptedWeek).HasMaxLength(10);
        builder.Property(o => o.ResultWeek).HasMaxLength(10);
        builder.Property(o => o.Department).HasMaxLength(200);
        builder.Property(o => o.UnitAtDue).HasMaxLength(200);
        builder.Property(o => o.LastUnit).HasMaxLength(200);
        builder.Property(o => o.FindingKinds).HasMaxLength(600);
        builder.Property(o => o.Rules).HasMaxLength(200);

        // The period's rows of a subtree: for each agency of the subtree (ids resolved first), one range of
        // CountedUntil >= from, then AcceptedAt < to. The open ones of an instant (CountedUntil > at) are the range's tail.
        builder.HasIndex(o => new { o.AgencyId, o.CountedUntil, o.AcceptedAt });
        // The weekly trend and the finished lists: results in the period.
        builder.HasIndex(o => new { o.AgencyId, o.ResultAt });
        builder.HasIndex(o => o.AuditVersion);
        // The daily rollup (OutcomeDay) of an (agency, day): the finished dossiers accepted that day.
        builder.HasIndex(o => new { o.AgencyId, o.AcceptedAt });
        // The lists' first pages read only the period's listed rows, from the index alone (it holds every column the
        // unfiltered list reads: its order, the period, the instant's test): late results and late refusals by outcome,
        // then their end (CountedUntil); results whose paper and ledger disagree by outcome and paper verdict.
        builder.HasIndex(o => new { o.AgencyId, o.Outcome, o.CountedUntil, o.StatutoryDueAt, o.Code, o.AcceptedAt, o.ResultAt, o.ClosedAt, o.LateMinutes, o.LastKnownAt, o.DossierId });
        builder.HasIndex(o => new { o.AgencyId, o.Outcome, o.PaperOnTime, o.CountedUntil, o.Code, o.AcceptedAt, o.ResultAt, o.LastKnownAt, o.DossierId });
        // Results not collected: not returned (ReturnedAt null, or after the period), then the period's range; it holds
        // every column the count reads (its tests and its group), so the unreturned rows are read from the index only.
        builder.HasIndex(o => new
        {
            o.AgencyId, o.ReturnedAt, o.CountedUntil, o.ResultAt, o.NotCollectedAt, o.AppointmentAt, o.AcceptedAt, o.AgencyElectronicId, o.Department, o.ProcedureCode, o.Clerk,
        });
    }
}

internal sealed class OutcomeRefreshConfiguration : IEntityTypeConfiguration<OutcomeRefresh>
{
    public void Configure(EntityTypeBuilder<OutcomeRefresh> builder) => builder.HasIndex(r => r.DossierId);
}
