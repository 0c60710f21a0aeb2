namespace OneStop.Tests.Api.Security;

/// <summary>
/// One request of the hostile-input suite: what it attacks (<see cref="Target"/>: an operation and a field or the
/// whole body), the request itself, and the field a 400 must name (null when any 4xx problem will do).
/// </summary>
public sealed record HostileRequest(string Operation, string Target, string Class, HttpMethod Method, string Url, string? Body, string? ContentType, string? Field)
{
    /// <summary>Headers sent as they are (no client-side validation).</summary>
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    public override string ToString() => $"{Operation} {Target} [{Class}]";
}
