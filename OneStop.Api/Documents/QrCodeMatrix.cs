using System.Collections.Concurrent;
using QRCoder;

namespace OneStop.Api.Documents;

/// <summary>The dark/light modules of a QR code (with its 4-module quiet zone), from QRCoder.</summary>
internal static class QrCodeMatrix
{
    /// <summary>Matrices kept for reprints of the same dossier; the cache is emptied when it reaches this many.</summary>
    private const int CacheLimit = 512;

    private static readonly ConcurrentDictionary<string, bool[,]> Cache = new(StringComparer.Ordinal);

    /// <summary>Error correction M (15 %): survives a crease or a stamp over the corner of a printed slip.</summary>
    /// <remarks>The matrix is shared between callers: read it, never change it.</remarks>
    public static bool[,] Create(string payload)
    {
        if (Cache.TryGetValue(payload, out var cached))
        {
            return cached;
        }

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var modules = new bool[size, size];
        for (var r = 0; r < size; r++)
        {
            var row = rows[r];
            for (var c = 0; c < size; c++)
            {
                modules[r, c] = row[c];
            }
        }

        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        Cache[payload] = modules;
        return modules;
    }
}
