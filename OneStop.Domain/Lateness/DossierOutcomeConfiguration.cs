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

        // The period's rows: accepted before its end and not finished before its start, within a subtree.
        builder.HasIndex(o => new { o.AgencyPath, o.AcceptedAt, o.EndAt });
        builder.HasIndex(o => new { o.AgencyPath, o.EndAt });
        builder.HasIndex(o => new { o.AgencyPath, o.ResultWeek });
        builder.HasIndex(o => new { o.AgencyPath, o.ProcedureCode });
        builder.HasIndex(o => new { o.AgencyPath, o.Clerk });
        builder.HasIndex(o => o.AuditVersion);
    }
}

internal sealed class OutcomeRefreshConfiguration : IEntityTypeConfiguration<OutcomeRefresh>
{
    public void Configure(EntityTypeBuilder<OutcomeRefresh> builder) => builder.HasIndex(r => r.DossierId);
}
