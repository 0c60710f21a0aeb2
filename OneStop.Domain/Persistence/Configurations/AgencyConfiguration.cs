using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Agencies;

namespace OneStop.Persistence.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.ElectronicId).HasMaxLength(40);
        builder.HasIndex(a => a.ElectronicId).IsUnique();
        builder.Property(a => a.Path).HasMaxLength(800);
        builder.HasIndex(a => a.Path);
        builder.Property(a => a.Sessions).HasMaxLength(200);
        builder.Property(a => a.SaturdayReception).HasMaxLength(200);
        builder.Property(a => a.Address).HasMaxLength(300);
        builder.Property(a => a.Phone).HasMaxLength(40);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
