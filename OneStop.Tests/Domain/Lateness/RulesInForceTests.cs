using NodaTime;
using OneStop.Regulations;

namespace OneStop.Tests.Domain.Lateness;

/// <summary>The decree cited for a dossier is the one in force at its acceptance (office date).</summary>
public sealed class RulesInForceTests
{
    [Fact]
    public void OneRescheduling_AcceptedAroundMidnightOf1July2025_CitesDecree61ThenDecree118()
    {
        var lastMinuteOfJune = Instant.FromUtc(2025, 6, 30, 16, 59); // 23:59 in Hà Nội
        var firstMinuteOfJuly = Instant.FromUtc(2025, 6, 30, 17, 0);

        Assert.Contains("Nghị định 61/2018", RulesInForce.OneReschedulingVi(lastMinuteOfJune), StringComparison.Ordinal);
        Assert.Contains("Decree 61/2018", RulesInForce.OneReschedulingEn(lastMinuteOfJune), StringComparison.Ordinal);
        Assert.Contains("Nghị định 118/2025", RulesInForce.OneReschedulingVi(firstMinuteOfJuly), StringComparison.Ordinal);
        Assert.Contains("Decree 118/2025", RulesInForce.OneReschedulingEn(firstMinuteOfJuly), StringComparison.Ordinal);
    }
}
