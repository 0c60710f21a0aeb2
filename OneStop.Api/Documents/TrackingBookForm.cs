namespace OneStop.Api.Documents;

/// <summary>Form 06, Sổ theo dõi hồ sơ: A4 landscape, one row per dossier.</summary>
/// <remarks>
/// <para><c>Field</c>: The field or group of fields this book covers (one book per field at the desk).</para>
/// <para><c>Volume</c>: Quyển số.</para>
/// </remarks>
public sealed record TrackingBookForm(
    DocumentHeading Heading,
    string? Field,
    string? Volume,
    IReadOnlyList<TrackingBookEntry> Entries);
