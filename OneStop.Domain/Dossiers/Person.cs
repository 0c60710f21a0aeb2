namespace OneStop.Dossiers;

/// <summary>
/// An applicant or proxy. Personal data (Decree 13/2023): the id number and phone are encrypted at rest; every
/// staff read is logged.
/// </summary>
public sealed record Person(string FullName, string? IdNumber, string? Phone, string? Address, string? Email);
