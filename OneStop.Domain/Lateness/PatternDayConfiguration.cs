using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Agencies;

namespace OneStop.Lateness;

internal sealed class PatternDayConfiguration : IEntityTypeConfiguration<PatternDay>
{
    public void Configure(EntityTypeBuilder<PatternDay> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.AgencyElectronicId).HasMaxLength(40);
        builder.Property(d => d.Actor).HasMaxLength(256);
        builder.Property(d => d.Unit).HasMaxLength(200);

        // A period of a subtree: one range of days per agency; an (agency, day) is replaced as a whole.
        builder.HasIndex(d => new { d.AgencyId, d.Day });
    }
}
