using NodaTime;

namespace OneStop.Api.Documents;

/// <summary>
/// What the two-column heading of an administrative document carries (Decree 30/2020 app. I):
/// on the left the supervising agency, the issuing agency or desk, and the document number;
/// on the right the national name and motto, then the place and date.
/// </summary>
/// <remarks>
/// <para><c>ParentAgency</c>: Supervising agency (cơ quan chủ quản), e.g. "Ủy ban nhân dân phường Ba Đình"; printed upper-case.</para>
/// <para><c>AgencyName</c>: Issuing agency or desk, e.g. "Bộ phận Một cửa"; printed upper-case and bold.</para>
/// <para><c>DocumentNumber</c>: The number after "Số:", e.g. "42/TNHS"; null prints "Số: …".</para>
/// <para><c>Place</c>: The place name of the date line (địa danh), e.g. "Ba Đình".</para>
/// <para><c>Date</c>: The document date, office local.</para>
/// <para><c>Form</c>: The form's number, title and signature line in the dossier's form set (<see cref="FormSets"/>):
/// its label ("Mẫu số 01") is printed above the heading, and the renderer prints its title.</para>
/// </remarks>
public sealed record DocumentHeading(
    string? ParentAgency,
    string AgencyName,
    string? DocumentNumber,
    string Place,
    LocalDate Date,
    FormDefinition Form);
