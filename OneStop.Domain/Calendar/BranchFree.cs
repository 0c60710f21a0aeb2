using System.Runtime.CompilerServices;

namespace OneStop.Calendar;

/// <summary>
/// Integer comparisons and choices as arithmetic, for the deadline engine's hot path. A branch on a random
/// acceptance time is mispredicted about half the time and costs more than the whole computation around it;
/// the JIT does not turn such branches into conditional moves inside loops, so they are written out here.
/// </summary>
internal static class BranchFree
{
    /// <summary>1 when <paramref name="a"/> &lt; <paramref name="b"/>, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Less(int a, int b) => (int)((ulong)((long)a - b) >> 63);

    /// <summary>1 when <paramref name="a"/> &lt;= <paramref name="b"/>, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LessOrEqual(int a, int b) => Less(b, a) ^ 1;

    /// <summary><paramref name="ifOne"/> when <paramref name="condition"/> is 1, <paramref name="ifZero"/> when it is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Choose(int condition, int ifOne, int ifZero) => ifZero ^ ((ifOne ^ ifZero) & -condition);

    /// <summary><paramref name="value"/> limited to 0..<paramref name="max"/> (max non-negative).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Clamp(int value, int max)
    {
        var positive = value & ~(value >> 31);
        var over = positive - max;
        return max + (over & (over >> 31));
    }
}
