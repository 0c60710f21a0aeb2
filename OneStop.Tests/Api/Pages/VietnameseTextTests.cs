using OneStop.Api.Pages;

namespace OneStop.Tests.Api.Pages;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("2025-03-10T09:00", "2025-03-10T09:00:00+07:00")]
    [InlineData("2025-03-10T09:00:30", "2025-03-10T09:00:30+07:00")]
    [InlineData("10/03/2025", "10/03/2025")]
    [InlineData(" ", null)]
    public void FromLocalInput_DateTimeLocal_IsOfficeTime(string input, string? iso) =>
        Assert.Equal(iso, VietnameseText.FromLocalInput(input));
}
