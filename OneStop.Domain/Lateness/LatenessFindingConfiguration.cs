using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Dossiers;

namespace OneStop.Lateness;

internal sealed class LatenessFindingConfiguration : IEntityTypeConfiguration<LatenessFinding>
{
    public void Configure(EntityTypeBuilder<LatenessFinding> builder)
    {
        builder.HasIndex(f => new { f.DossierId, f.AuditVersion });
        builder.HasIndex(f => new { f.Kind, f.AuditedAt });
        builder.Property(f => f.Sequences).HasMaxLength(400);
        builder.Property(f => f.ExplanationVi).HasMaxLength(2000);
        builder.Property(f => f.ExplanationEn).HasMaxLength(2000);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(f => f.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}
