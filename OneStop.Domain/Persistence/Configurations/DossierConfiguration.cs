using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Agencies;
using OneStop.Dossiers;
using OneStop.Procedures;

namespace OneStop.Persistence.Configurations;

/// <summary>Dossiers; applied by the context itself because the id number and phone columns need the cipher.</summary>
internal sealed class DossierConfiguration(PersonalDataCipher cipher)
{
    public void Configure(EntityTypeBuilder<Dossier> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Code).HasMaxLength(60);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasIndex(d => new { d.AgencyId, d.TrackingNumber, d.AcceptedAt });
        builder.HasIndex(d => new { d.Status, d.StatutoryDueAt });
        // The SLA check reads its batches in this order: the index gives them without a sort.
        builder.HasIndex(d => new { d.NextSlaCheckAt, d.Id });
        builder.Property(d => d.CurrentUnit).HasMaxLength(300);
        builder.Property<string?>(DossierSearchIndex.NameProperty).HasMaxLength(DossierSearchIndex.NameLength);
        builder.Property(d => d.LastEventHash).HasMaxLength(64);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.ProcessingTime);
        builder.Ignore(d => d.CitizenSupplementTime);
        builder.Property(d => d.CutOff).HasMaxLength(20);
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.ReceivingAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(d => d.PendingEvents);
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProcedureVersion>().WithMany().HasForeignKey(d => d.ProcedureVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Documents)
            .HasConversion(new JsonListConverter<SubmittedDocument>(), new JsonListComparer<SubmittedDocument>());
        builder.OwnsOne(d => d.Applicant, person => ConfigurePerson(person, "Applicant"));
        builder.OwnsOne(d => d.Proxy, person => ConfigurePerson(person, "Proxy"));
        builder.HasMany(d => d.Receipts).WithOne().HasForeignKey(r => r.DossierId);
        builder.HasMany(d => d.SupplementRequests).WithOne().HasForeignKey(r => r.DossierId);
        builder.HasMany(d => d.Apologies).WithOne().HasForeignKey(r => r.DossierId);
        builder.HasMany(d => d.Handovers).WithOne().HasForeignKey(r => r.DossierId);
        builder.HasMany(d => d.Visits).WithOne().HasForeignKey(r => r.DossierId);
    }

    private void ConfigurePerson<TOwner>(OwnedNavigationBuilder<TOwner, Person> person, string prefix)
        where TOwner : class
    {
        person.Property(p => p.FullName).HasColumnName(prefix + "FullName").HasMaxLength(200);
        person.Property(p => p.IdNumber).HasColumnName(prefix + "IdNumber").HasMaxLength(120).HasConversion(new EncryptedStringConverter(cipher));
        person.Property(p => p.Phone).HasColumnName(prefix + "Phone").HasMaxLength(120).HasConversion(new EncryptedStringConverter(cipher));
        person.Property(p => p.Address).HasColumnName(prefix + "Address").HasMaxLength(500);
        person.Property(p => p.Email).HasColumnName(prefix + "Email").HasMaxLength(200);
    }
}
