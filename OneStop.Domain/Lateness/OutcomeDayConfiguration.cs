using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Agencies;

namespace OneStop.Lateness;

internal sealed class OutcomeDayConfiguration : IEntityTypeConfiguration<OutcomeDay>
{
    public void Configure(EntityTypeBuilder<OutcomeDay> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.AgencyElectronicId).HasMaxLength(40);
        builder.Property(d => d.AgencyName).HasMaxLength(300);
        builder.Property(d => d.Unit).HasMaxLength(200);
        builder.Property(d => d.ProcedureCode).HasMaxLength(40);
        builder.Property(d => d.ProcedureName).HasMaxLength(500);
        builder.Property(d => d.Clerk).HasMaxLength(256);

        // A period of a subtree: one range of days per agency; an (agency, day) is replaced as a whole.
        builder.HasIndex(d => new { d.AgencyId, d.Day });
    }
}
