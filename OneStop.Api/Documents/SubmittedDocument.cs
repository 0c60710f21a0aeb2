namespace OneStop.Api.Documents;

/// <summary>One line of "Thành phần hồ sơ nộp gồm" on the receipt.</summary>
public sealed record SubmittedDocument(string Name, int Copies, DocumentCopyKind Kind);
