using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Dossiers;

namespace OneStop.Persistence.Configurations;

internal sealed class DossierEventConfiguration : IEntityTypeConfiguration<DossierEvent>
{
    public void Configure(EntityTypeBuilder<DossierEvent> builder)
    {
        // One event per (dossier, sequence): a second writer of the same step fails even without the row version.
        builder.HasIndex(e => new { e.DossierId, e.Sequence }).IsUnique();
        builder.HasIndex(e => e.RecordedAt);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.KeyId).HasMaxLength(40);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.DossierId, r.Number }).IsUnique();
        builder.Property(r => r.IssuedBy).HasMaxLength(256);
        builder.Property(r => r.Reason).HasMaxLength(1000);
    }
}

internal sealed class SupplementRequestConfiguration : IEntityTypeConfiguration<SupplementRequest>
{
    public void Configure(EntityTypeBuilder<SupplementRequest> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Unit).HasMaxLength(300);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.MissingDocuments).HasMaxLength(4000);
        builder.Property(r => r.RequestedBy).HasMaxLength(256);
    }
}

internal sealed class ApologyConfiguration : IEntityTypeConfiguration<Apology>
{
    public void Configure(EntityTypeBuilder<Apology> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.Property(a => a.RequestedBy).HasMaxLength(256);
        builder.Property(a => a.ApprovedBy).HasMaxLength(256);
    }
}

internal sealed class HandoverConfiguration : IEntityTypeConfiguration<Handover>
{
    public void Configure(EntityTypeBuilder<Handover> builder)
    {
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasIndex(h => new { h.DossierId, h.Number }).IsUnique();
        builder.Property(h => h.FromUnit).HasMaxLength(300);
        builder.Property(h => h.ToUnit).HasMaxLength(300);
        builder.Property(h => h.Giver).HasMaxLength(256);
        builder.Property(h => h.Receiver).HasMaxLength(256);
    }
}

internal sealed class CitizenVisitConfiguration : IEntityTypeConfiguration<CitizenVisit>
{
    public void Configure(EntityTypeBuilder<CitizenVisit> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Note).HasMaxLength(2000);
        builder.Property(v => v.LoggedBy).HasMaxLength(256);
    }
}
