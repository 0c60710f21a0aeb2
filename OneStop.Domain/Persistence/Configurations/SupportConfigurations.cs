using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Calendar;
using OneStop.Users;

namespace OneStop.Persistence.Configurations;

internal sealed class CalendarNoticeRecordConfiguration : IEntityTypeConfiguration<CalendarNoticeRecord>
{
    public void Configure(EntityTypeBuilder<CalendarNoticeRecord> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Key).HasMaxLength(100);
        builder.HasIndex(n => new { n.Key, n.Revision }).IsUnique();
        builder.Property(n => n.Covers).HasMaxLength(200);
        builder.Property(n => n.DocumentNumber).HasMaxLength(500);
        builder.Property(n => n.Name).HasMaxLength(300);
        builder.Property(n => n.DaysOff).HasMaxLength(2000);
        builder.Property(n => n.MakeUpWorkingDays).HasMaxLength(2000);
        builder.Property(n => n.RecordedBy).HasMaxLength(256);
    }
}

internal sealed class SequenceCounterConfiguration : IEntityTypeConfiguration<SequenceCounter>
{
    public void Configure(EntityTypeBuilder<SequenceCounter> builder)
    {
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(SequenceCounters.MaxKeyLength);
    }
}

internal sealed class PersonalDataReadConfiguration : IEntityTypeConfiguration<PersonalDataRead>
{
    public void Configure(EntityTypeBuilder<PersonalDataRead> builder)
    {
        builder.HasIndex(r => new { r.DossierId, r.At });
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.Purpose).HasMaxLength(200);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => new { r.UserName, r.Key });
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Location).HasMaxLength(500);
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.Unit).HasMaxLength(300);
        builder.Property(u => u.LockedBy).HasMaxLength(256);
        builder.HasIndex(u => u.AgencyId);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => t.FamilyId);
        builder.HasIndex(t => new { t.UserId, t.ExpiresAt });
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> builder)
    {
        // The framework's key ring entity: FriendlyName is the key id, Xml the key (encrypted by the API's
        // KeyRingXmlEncryptor). Bounded so that SQL Server does not make them nvarchar(max) by default.
        builder.Property(k => k.FriendlyName).HasMaxLength(100);
        builder.Property(k => k.Xml).HasMaxLength(4000);
    }
}
