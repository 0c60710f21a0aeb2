using NodaTime;
using OneStop.Agencies;
using OneStop.Calendar;
using OneStop.Deadlines;
using OneStop.Dossiers;
using OneStop.Persistence;
using OneStop.Procedures;

namespace OneStop.Api.Demo;

/// <summary>
/// Realistic ledgers in bulk, for the dashboard's equality tests and its benchmark: dossiers accepted on random working
/// times between two instants, handed to a department, and played through a random story (early, on time, late,
/// backdated, receipt re-issued, supplement, refused, stopped, some never collected) up to <c>now</c>: the steps
/// not yet due at <c>now</c> have not happened, so recent dossiers are open. Deterministic for a seed.
/// </summary>
public static class SyntheticDossiers
{
    private const long Hour = 3600;
    private static readonly string[] Units = ["Phòng Tư pháp", "Phòng Tài nguyên và Môi trường", "Phòng Quản lý đô thị"];
    private static readonly string[] Clerks = ["motcua", "motcua2", "motcua3"];

    /// <summary>Adds <paramref name="count"/> dossiers through the domain (sealed ledgers), saving every <paramref name="batch"/>.</summary>
    public static async Task<int> SeedAsync(
        OneStopDbContext db, AgencyDeadlines deadlines, IReadOnlyList<Agency> agencies, IReadOnlyList<ProcedureVersion> versions,
        int count, int seed, Instant from, Instant now, CancellationToken cancellationToken, int batch = 500, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var added = 0;
        foreach (var (dossier, _) in Generate(deadlines, agencies, versions, count, seed, from, now))
        {
            db.Dossiers.Add(dossier);
            added++;
            if (added % batch == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                progress?.Invoke(added);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return added;
    }

    /// <summary>
    /// The same dossiers, built through the domain (events pending, not sealed) without a database, each with its
    /// agency, for bulk loading.
    /// </summary>
    public static IEnumerable<(Dossier Dossier, Agency Agency)> Generate(
        AgencyDeadlines deadlines, IReadOnlyList<Agency> agencies, IReadOnlyList<ProcedureVersion> versions, int count, int seed, Instant from, Instant now)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(versions);
        var random = new Random(seed);
        var calculator = deadlines.Calculator;
        var days = (int)Math.Max(1, (now - from).TotalDays);
        for (var i = 0; i < count; i++)
        {
            var agency = agencies[random.Next(agencies.Count)];
            var version = versions[random.Next(versions.Count)];
            var hours = deadlines.HoursOf(agency);
            var day = OfficeTime.ToInstant(OfficeTime.ToLocal(from).Date.PlusDays(random.Next(days)).AtMidnight());
            var acceptedAt = calculator.AddWorkingTime(day, random.Next(1, 8 * 60) * 60L, hours);
            if (acceptedAt >= now)
            {
                continue;
            }

            Instant At(double workingHours) => calculator.AddWorkingTime(acceptedAt, (long)(workingHours * Hour), hours);
            var clerk = Clerks[random.Next(Clerks.Length)];
            var registration = new DossierRegistration(
                $"SYN-{seed}-{i:D7}", i + 1, agency.Id, version.Id, version.ProcessingTime, agency.CountingMode, Channel.Counter,
                new Person("Nguyễn Văn An", null, null, "Phường Đống Đa", null), null, [new SubmittedDocument("Tờ khai", 1, 0)]);
            var dossier = Dossier.Register(registration, new DossierAction(clerk, acceptedAt, acceptedAt), calculator, hours);
            var budget = (calculator.WorkingTimeBetween(acceptedAt, dossier.StatutoryDueAt, hours).Minutes / 60.0) is var b and > 2 ? b : 8;
            var steps = new List<(Instant At, Action Apply)>
            {
                (At(1), () => dossier.HandOver(Units[random.Next(Units.Length)], clerk, "chuyenvien", null, Act("motcua", At(1)), calculator, hours)),
            };
            Story(random.Next(100), random, budget, At, dossier, calculator, hours, steps);
            try
            {
                foreach (var (at, apply) in steps.TakeWhile(s => s.At <= now))
                {
                    apply();
                }
            }
            catch (DossierRuleException)
            {
                // A story that the domain refuses at some step stops there: what happened before stays.
            }

            yield return (dossier, agency);
        }
    }

    private static void Story(int roll, Random random, double budget, Func<double, Instant> at, Dossier d, DeadlineCalculator calculator, OfficeHours hours, List<(Instant, Action)> steps)
    {
        var returned = random.Next(10) != 0;
        void Finish(double ready, double? declared = null)
        {
            steps.Add((at(ready), () => d.MarkResultReady("Đã ký", new DossierAction("chuyenvien", at(ready), at(declared ?? ready)))));
            if (returned)
            {
                steps.Add((at(ready + 1), () => d.Return(null, Act("motcua", at(ready + 1)))));
            }
        }

        switch (roll)
        {
            case < 45: Finish(budget * (0.2 + (0.75 * random.NextDouble()))); break;
            case < 55: Finish(budget); break;
            case < 70: Finish(budget * (1.05 + random.NextDouble())); break;
            case < 75: Finish(budget * 1.3, budget * 0.8); break;
            case < 80:
                steps.Add((at(2), () => d.ReissueReceipt(at(budget * 1.5), "Cấp lại giấy tiếp nhận", Act("motcua", at(2)))));
                Finish(budget * 1.4);
                break;
            case < 88:
                steps.Add((at(3), () => d.RequestSupplement("Thiếu giấy tờ", "Giấy xác nhận", Act("chuyenvien", at(3)), calculator, hours)));
                steps.Add((at(10), () => d.ReceiveSupplement(Act("motcua", at(10)), calculator, hours)));
                Finish(10 + (budget * (0.5 + (0.7 * random.NextDouble()))));
                break;
            case < 93:
                var refusedAt = budget * (0.3 + (0.9 * random.NextDouble()));
                steps.Add((at(refusedAt), () => d.Refuse("Không đủ điều kiện", Act("chuyenvien", at(refusedAt)))));
                break;
            case < 96:
                var stoppedAt = budget * (0.2 + random.NextDouble());
                steps.Add((at(stoppedAt), () => d.Stop("Công dân rút hồ sơ", Act("motcua", at(stoppedAt)))));
                break;
            default:
                // Forgotten: no result for a long time.
                Finish(budget * 4);
                break;
        }
    }

    private static DossierAction Act(string actor, Instant at) => new(actor, at, at);
}
