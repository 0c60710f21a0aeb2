using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Dossiers;
using OneStop.Notifications;

namespace OneStop.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        // One message per dossier, kind, threshold (for a status change: the event's sequence) and channel.
        builder.HasIndex(m => new { m.DossierId, m.Kind, m.Threshold, m.Channel }).IsUnique();
        builder.HasIndex(m => m.NextAttemptAt);
        builder.HasIndex(m => m.UndeliveredAt);
        builder.Property(m => m.DossierCode).HasMaxLength(60);
        builder.Property(m => m.Unit).HasMaxLength(300);
        builder.Property(m => m.Kind).HasMaxLength(60);
        builder.Property(m => m.Threshold).HasMaxLength(60);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Body).HasMaxLength(4000);
        builder.Property(m => m.SentTo).HasMaxLength(2000);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(m => m.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}
