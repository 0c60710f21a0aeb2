using System.ComponentModel.DataAnnotations;

namespace OneStop.Api.PublicStatus;

/// <summary>Settings of the citizen's lookup (configuration section "PublicStatus").</summary>
public sealed class PublicStatusOptions
{
    public const string Section = "PublicStatus";

    /// <summary>Lookups per client address per minute (codes are predictable: domain rule 11). Default 30.</summary>
    [Range(1, int.MaxValue)]
    public int PermitPerMinute { get; set; } = 30;

    /// <summary>
    /// How long an instance keeps a looked-up status. A change made through this instance is visible at once (the
    /// save evicts it); a change made by another instance or the worker is visible after at most this. Default 5 s;
    /// 0 turns the cache off.
    /// </summary>
    [Range(0, 3600)]
    public int CacheSeconds { get; set; } = 5;
}
