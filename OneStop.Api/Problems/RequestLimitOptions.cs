using System.ComponentModel.DataAnnotations;

namespace OneStop.Api.Problems;

/// <summary>
/// <c>Requests</c>: the largest request the API takes. A body above <see cref="MaxBodyBytes"/> is a 413 and a path
/// with query above <see cref="MaxUrlLength"/> characters a 414, both RFC 9457 problems (Kestrel's own limits are set
/// higher, so its bare refusals are not what a client sees).
/// </summary>
public sealed class RequestLimitOptions
{
    public const string Section = "Requests";

    /// <summary>Default 1 MiB: a registration with 100 documents is under 20 KiB; a year's iCalendar file under 100 KiB.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Default 4096 characters of path and query.</summary>
    [Range(256, 32 * 1024)]
    public int MaxUrlLength { get; set; } = 4096;
}
