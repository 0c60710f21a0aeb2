using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Agencies;
using OneStop.Procedures;

namespace OneStop.Persistence.Configurations;

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(500);
        builder.Property(p => p.Field).HasMaxLength(200);
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProcedureId);
        builder.Navigation(p => p.Versions).HasField("_versions");
    }
}

internal sealed class ProcedureVersionConfiguration : IEntityTypeConfiguration<ProcedureVersion>
{
    public void Configure(EntityTypeBuilder<ProcedureVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasIndex(v => new { v.ProcedureId, v.Number }).IsUnique();
        builder.Ignore(v => v.ProcessingTime);
        builder.Ignore(v => v.CitizenSupplementTime);
        builder.Property(v => v.CutOff).HasMaxLength(20);
        builder.Property(v => v.RequiredDocuments)
            .HasConversion(new JsonListConverter<RequiredDocument>(), new JsonListComparer<RequiredDocument>());
        builder.Property(v => v.StepBudgets)
            .HasConversion(new JsonListConverter<StepBudget>(), new JsonListComparer<StepBudget>());
    }
}
