using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using NodaTime;

namespace OneStop.Calendar;

/// <summary>
/// Which days of 1900–2199 are working days, as a bitmap with rank and select, so that adding and measuring
/// working days is a few reads and bit operations rather than a walk over days. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>The days are cut into blocks of 64. Each block holds a bit per day (working, provisional) and the count
/// of working days before it: the working days before any day are that count plus the set bits below the day
/// (rank). The ordinal-th working day (select) is found from a sample every <see cref="SampleEvery"/> working
/// days, which names its block or the one before, then the bit inside the block.</para>
/// <para>About 1,700 blocks and 2,500 samples: some 50 KB, small enough to stay in the processor's cache,
/// which is what makes random lookups fast.</para>
/// </remarks>
public sealed class WorkingTimeIndex
{
    private const int BlockShift = 6;
    private const int BlockMask = (1 << BlockShift) - 1;
    private const int SampleShift = 5;
    private const int SampleEvery = 1 << SampleShift;

    // The blocks in day order, plus a last one holding only the total in WorkingBefore.
    private readonly Block[] _blocks;

    // _sampleBlock[s]: the block of the working day with ordinal s * SampleEvery.
    private readonly int[] _sampleBlock;

    private readonly int _workingDays;

    // _yearStatus[y - 1900]: the status of each year.
    private readonly CalendarStatus[] _yearStatus;

    // When the official years are one run (notices for consecutive years, the usual case): its first and last day.
    private readonly bool _officialRun;
    private readonly int _officialFrom;
    private readonly int _officialTo;

    internal WorkingTimeIndex(DayKind[] kinds, CalendarStatus[] yearStatus)
    {
        _yearStatus = yearStatus;
        var blockCount = (kinds.Length + BlockMask) >> BlockShift;
        _blocks = new Block[blockCount + 1];
        var samples = new List<int>((kinds.Length * 5 / 7 >> SampleShift) + 1);
        var working = 0;
        for (var i = 0; i < kinds.Length; i++)
        {
            ref var block = ref _blocks[i >> BlockShift];
            var bit = 1UL << (i & BlockMask);
            if ((i & BlockMask) == 0)
            {
                block.WorkingBefore = working;
            }

            if (yearStatus[DayIndex.YearOf(i) - WorkingCalendar.MinDate.Year] == CalendarStatus.Provisional)
            {
                block.Provisional |= bit;
            }

            if (kinds[i].IsWorking())
            {
                if ((working & (SampleEvery - 1)) == 0)
                {
                    samples.Add(i >> BlockShift);
                }

                block.Working |= bit;
                working++;
            }
        }

        var official = Enumerable.Range(0, yearStatus.Length).Where(y => yearStatus[y] == CalendarStatus.Official).ToList();
        if (official.Count > 0 && official[^1] - official[0] == official.Count - 1)
        {
            _officialRun = true;
            _officialFrom = DayIndex.Of(new LocalDate(WorkingCalendar.MinDate.Year + official[0], 1, 1));
            _officialTo = DayIndex.Of(new LocalDate(WorkingCalendar.MinDate.Year + official[^1], 12, 31));
        }

        _blocks[blockCount].WorkingBefore = working;
        _workingDays = working;
        _sampleBlock = samples.ToArray();
    }

    /// <summary>Bytes held by the index's arrays.</summary>
    public long SizeInBytes => (_blocks.LongLength * Unsafe.SizeOf<Block>()) + (_sampleBlock.LongLength * sizeof(int));

    /// <summary>Working days in [<paramref name="from"/>, <paramref name="to"/>); negative when reversed.</summary>
    public int WorkingDaysBetween(LocalDate from, LocalDate to) =>
        WorkingBefore(DayIndex.Of(to)) - WorkingBefore(DayIndex.Of(from));

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="date"/> (which need not be one);
    /// 0 gives the first working day on or after it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The result would fall after 2199.</exception>
    public LocalDate AddWorkingDays(LocalDate date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        // The working days before a date are also the ordinal of the first working day on or after it.
        return DayIndex.ToDate(WorkingDayAt(WorkingBefore(DayIndex.Of(date)) + days));
    }

    /// <summary>
    /// Provisional when any year from the first day's to the last day's (not before it) is. When the official years
    /// are one run, two comparisons; otherwise two bit reads for spans within a year or two adjacent years, a walk
    /// over the years in between for longer ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal CalendarStatus StatusBetween(int firstDay, int lastDay)
    {
        if (_officialRun)
        {
            // Official exactly when both ends lie in the run of official years: 1 (Provisional) when either is out.
            return (CalendarStatus)(int)((uint)((firstDay - _officialFrom) | (_officialTo - lastDay)) >> 31);
        }

        if ((IsProvisional(firstDay) | IsProvisional(lastDay)) != 0)
        {
            return CalendarStatus.Provisional;
        }

        return lastDay - firstDay <= 366 ? CalendarStatus.Official : StatusOfYearsBetween(firstDay, lastDay);
    }

    private CalendarStatus StatusOfYearsBetween(int firstDay, int lastDay)
    {
        for (var year = DayIndex.YearOf(firstDay) + 1; year < DayIndex.YearOf(lastDay); year++)
        {
            if (_yearStatus[year - WorkingCalendar.MinDate.Year] == CalendarStatus.Provisional)
            {
                return CalendarStatus.Provisional;
            }
        }

        return CalendarStatus.Official;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsWorking(int day) => WorkingFlag(day) != 0;

    /// <summary>1 for a working day, 0 otherwise: for arithmetic in place of a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int WorkingFlag(int day) => (int)(BlockOf(day).Working >> (day & BlockMask)) & 1;

    /// <summary>Working days strictly before a day (0..<see cref="DayIndex.Count"/>): its rank.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int WorkingBefore(int day)
    {
        ref readonly var block = ref BlockOf(day);
        return block.WorkingBefore + BitOperations.PopCount(block.Working & ((1UL << (day & BlockMask)) - 1));
    }

    /// <summary>The day index of the working day with a 0-based ordinal: its select.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int WorkingDayAt(int ordinal)
    {
        if ((uint)ordinal >= (uint)_workingDays)
        {
            ThrowOutsideCalendar();
        }

        // The sample's block or the next: a block holds some 45 working days, more than the sample spacing, so
        // one conditional step (no branch to mispredict) suffices. The loop covers a notice with weeks off.
        var b = _sampleBlock[ordinal >> SampleShift];
        b += BranchFree.LessOrEqual(_blocks[b + 1].WorkingBefore, ordinal);
        while (_blocks[b + 1].WorkingBefore <= ordinal)
        {
            b++;
        }

        ref readonly var block = ref _blocks[b];
        return (b << BlockShift) + SelectBit(block.Working, ordinal - block.WorkingBefore);
    }

    /// <summary>The first working day on or after a day: the lowest working bit at or above it (no select).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int FirstWorkingDayFrom(int day)
    {
        var rest = BlockOf(day).Working >> (day & BlockMask);
        if (rest == 0)
        {
            // The rest of the block is off (rare): select the working day whose ordinal is the day's rank.
            return WorkingDayAt(WorkingBefore(day));
        }

        return day + BitOperations.TrailingZeroCount(rest);
    }

    /// <summary>The position of the <paramref name="rank"/>-th (0-based) set bit of a word that has more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SelectBit(ulong word, int rank) =>
        Bmi2.X64.IsSupported ? BitOperations.TrailingZeroCount(Bmi2.X64.ParallelBitDeposit(1UL << rank, word)) : SelectBitPortable(word, rank);

    /// <summary>The same without BMI2 (older x64, Arm): clear the lowest set bit <paramref name="rank"/> times.</summary>
    internal static int SelectBitPortable(ulong word, int rank)
    {
        for (; rank > 0; rank--)
        {
            word &= word - 1;
        }

        return BitOperations.TrailingZeroCount(word);
    }

    // The caller's day is in range (DayIndex.Of or the engine's own bounds checked it); the array read checks again.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref readonly Block BlockOf(int day) => ref _blocks[day >> BlockShift];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int IsProvisional(int day) => (int)(BlockOf(day).Provisional >> (day & BlockMask)) & 1;

    // Kept out of line so that the lookups above stay small enough to inline.
    [DoesNotReturn]
    private static void ThrowOutsideCalendar() =>
        throw new ArgumentOutOfRangeException("ordinal", "The result falls outside the working calendar (1900–2199).");

    [StructLayout(LayoutKind.Sequential)]
    private struct Block
    {
        public ulong Working;
        public ulong Provisional;
        public int WorkingBefore;
    }
}
