using System.Globalization;

namespace OneStop.Api.Documents;

/// <summary>Labelled lines shared by the forms. An empty value prints "…" so the line can be filled by hand.</summary>
internal static class FormText
{
    public const string Blank = "…………………";

    public static void Labelled(DocumentWriter writer, string label, string? value, bool bold = false)
    {
        var text = string.IsNullOrWhiteSpace(value) ? Blank : value;
        writer.Paragraph([new TextRun(label + ": "), new TextRun(text, bold ? FontVariant.Bold : FontVariant.Regular)], writer.Field);
    }

    /// <summary>Phone and email share a line, as the printed forms have them.</summary>
    public static void PhoneAndEmail(DocumentWriter writer, ApplicantDetails applicant)
    {
        var phone = string.IsNullOrWhiteSpace(applicant.Phone) ? Blank : applicant.Phone;
        List<TextRun> runs = [new TextRun("Số điện thoại: " + phone)];
        if (!string.IsNullOrWhiteSpace(applicant.Email))
        {
            runs.Add(new TextRun("; Email: " + applicant.Email));
        }

        writer.Paragraph(runs, writer.Field);
    }

    public static void Numbered(DocumentWriter writer, IReadOnlyList<string> items)
    {
        var style = writer.Field with { LeftIndent = writer.BaseFontSize };
        for (var i = 0; i < items.Count; i++)
        {
            writer.Paragraph([new TextRun(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {items[i]}"))], style);
        }
    }

    public static void Dashed(DocumentWriter writer, IReadOnlyList<string> items)
    {
        var style = writer.Field with { LeftIndent = writer.BaseFontSize };
        foreach (var item in items)
        {
            writer.Paragraph([new TextRun("- " + item)], style);
        }
    }

    /// <summary>Two digits at least, as counts are written on the forms ("01 bộ").</summary>
    public static string Count(int value) => value.ToString("00", CultureInfo.InvariantCulture);

    public static string CopyKind(DocumentCopyKind kind) => kind switch
    {
        DocumentCopyKind.Original => "Bản chính",
        DocumentCopyKind.CertifiedCopy => "Bản sao chứng thực",
        DocumentCopyKind.Copy => "Bản sao",
        DocumentCopyKind.Electronic => "Bản điện tử",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Outcome(HandoverOutcome? outcome) => outcome switch
    {
        HandoverOutcome.Early => "Trước hạn",
        HandoverOutcome.OnTime => "Đúng hạn",
        HandoverOutcome.Late => "Quá hạn",
        null => string.Empty,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
