using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Dossiers;

namespace OneStop.Lateness;

internal sealed class DossierActorPatternConfiguration : IEntityTypeConfiguration<DossierActorPattern>
{
    public void Configure(EntityTypeBuilder<DossierActorPattern> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.AgencyElectronicId).HasMaxLength(40);
        builder.Property(p => p.Code).HasMaxLength(60);
        builder.Property(p => p.Actor).HasMaxLength(256);
        builder.Property(p => p.Unit).HasMaxLength(200);

        // A period's rows of a subtree, as DossierOutcome's: per agency one range of CountedUntil >= from, then AcceptedAt < to.
        builder.HasIndex(p => new { p.AgencyId, p.CountedUntil, p.AcceptedAt });
        // Replaced with the outcome.
        builder.HasIndex(p => p.DossierId);
    }
}
