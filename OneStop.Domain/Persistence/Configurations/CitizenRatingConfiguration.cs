using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Agencies;
using OneStop.Dossiers;
using OneStop.Ratings;

namespace OneStop.Persistence.Configurations;

internal sealed class CitizenRatingConfiguration : IEntityTypeConfiguration<CitizenRating>
{
    public void Configure(EntityTypeBuilder<CitizenRating> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => r.DossierId).IsUnique();
        builder.HasOne<Dossier>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AgencyId, r.RatedAt });
        builder.Property(r => r.Clerk).HasMaxLength(256);
        builder.Property(r => r.Comment).HasMaxLength(CitizenRating.CommentMaxLength);
    }
}
