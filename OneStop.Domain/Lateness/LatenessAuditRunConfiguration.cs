using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Lateness;

internal sealed class LatenessAuditRunConfiguration : IEntityTypeConfiguration<LatenessAuditRun>
{
    public void Configure(EntityTypeBuilder<LatenessAuditRun> builder) => builder.HasIndex(r => r.StartedAt);
}
