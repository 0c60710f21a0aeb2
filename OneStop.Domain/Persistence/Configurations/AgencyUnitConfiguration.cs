using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Agencies;

namespace OneStop.Persistence.Configurations;

internal sealed class AgencyUnitConfiguration : IEntityTypeConfiguration<AgencyUnit>
{
    public void Configure(EntityTypeBuilder<AgencyUnit> builder)
    {
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Name).HasMaxLength(UnitName.MaxLength);
        builder.Property(u => u.Key).HasMaxLength(UnitName.MaxLength);
        builder.Property(u => u.FormerNames).HasMaxLength(4000);

        // One entry per spelling key in an agency: two administrators adding "Tư pháp" at once get one entry.
        builder.HasIndex(u => new { u.AgencyId, u.Key }).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(u => u.Former);
        builder.Ignore(u => u.Keys);
        builder.Ignore(u => u.IsDesk);
    }
}
