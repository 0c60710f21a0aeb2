using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Dossiers;
using OneStop.Sla;

namespace OneStop.Persistence.Configurations;

internal sealed class RestatementRecordConfiguration : IEntityTypeConfiguration<RestatementRecord>
{
    public void Configure(EntityTypeBuilder<RestatementRecord> builder)
    {
        builder.HasIndex(r => new { r.DossierId, r.EventSequence }).IsUnique();
        builder.HasIndex(r => r.RestatedAt);
        builder.Property(r => r.DossierCode).HasMaxLength(60);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}
