using QRCoder;

namespace OneStop.Api.Documents;

/// <summary>The dark/light modules of a QR code (with its 4-module quiet zone), from QRCoder.</summary>
internal static class QrCodeMatrix
{
    /// <summary>Error correction M (15 %): survives a crease or a stamp over the corner of a printed slip.</summary>
    public static bool[,] Create(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var modules = new bool[size, size];
        for (var r = 0; r < size; r++)
        {
            for (var c = 0; c < size; c++)
            {
                modules[r, c] = rows[r][c];
            }
        }

        return modules;
    }
}
