using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Dossiers;

namespace OneStop.Persistence.Configurations;

/// <summary>The blind index: its own table, keyed by the hash first so that a search is one index seek.</summary>
internal sealed class DossierBlindIndexEntryConfiguration : IEntityTypeConfiguration<DossierBlindIndexEntry>
{
    public void Configure(EntityTypeBuilder<DossierBlindIndexEntry> builder)
    {
        builder.ToTable("DossierBlindIndex");
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength(false);
        builder.HasKey(e => new { e.Hash, e.DossierId });
        builder.HasIndex(e => e.DossierId);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}
