using System.Text.RegularExpressions;

namespace OneStop.Tests.Worker;

/// <summary>Reads the text of a raw mail the <see cref="SmtpListener"/> kept (base64, quoted-printable or plain).</summary>
internal static partial class MailText
{
    public static string Body(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = split < 0 ? text : text[..split];
        var body = split < 0 ? string.Empty : text[(split + 2)..];
        var encoding = Encoding().Match(headers).Groups[1].Value.Trim().ToLowerInvariant();
        return encoding switch
        {
            "base64" => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body.TrimEnd('.', '\r', '\n'), @"\s", string.Empty))),
            "quoted-printable" => QuotedPrintable(body),
            _ => body,
        };
    }

    private static string QuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        var text = body.Replace("=\n", string.Empty, StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return System.Text.Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex(@"(?im)^Content-Transfer-Encoding:\s*(\S+)")]
    private static partial Regex Encoding();
}
