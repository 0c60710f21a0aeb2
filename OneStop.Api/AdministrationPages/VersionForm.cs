using System.Globalization;
using System.Text.RegularExpressions;
using OneStop.Api.Administration;

namespace OneStop.Api.AdministrationPages;

/// <summary>
/// The new-version form of a procedure as posted: its lists (documents checklist, steps) one row per item, named as
/// the API names them (<c>requiredDocuments[0].name</c>, <c>stepBudgets[1].workingHours</c>), so that a 400's errors
/// land beside the right input. The "add a row" and "remove" buttons are submit buttons (<c>row</c> =
/// <c>add:requiredDocuments</c>, <c>remove:stepBudgets:2</c>): the page comes back with the rows changed and nothing
/// saved, without a script. A row left blank is no item.
/// </summary>
public sealed partial class VersionForm
{
    public const string Documents = "requiredDocuments";
    public const string Budgets = "stepBudgets";

    public List<DocumentRow> DocumentRows { get; init; } = [];

    public List<BudgetRow> BudgetRows { get; init; } = [];

    /// <summary>The single fields (effectiveFrom, processingTime.amount…) as posted; null: not posted (the page shows the latest version's).</summary>
    public IReadOnlyDictionary<string, string?>? Values { get; init; }

    /// <summary>The latest version's rows with one blank row after each list, for a new version.</summary>
    public static VersionForm From(ProcedureVersionResponse? latest) => new()
    {
        DocumentRows = [.. (latest?.RequiredDocuments ?? []).Select(d => new DocumentRow(d.Name, Number(d.Originals), Number(d.Copies))), DocumentRow.Blank],
        BudgetRows = [.. (latest?.StepBudgets ?? []).Select(b => new BudgetRow(b.Unit, Number(b.WorkingHours))), BudgetRow.Blank],
    };

    /// <summary>The form as posted, rows in their posted order.</summary>
    public static VersionForm Read(IFormCollection form, IEnumerable<string> singleFields)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? Value(string key) => form.TryGetValue(key, out var v) ? v.ToString() : null;
        var documents = Indices(form, Documents).Select(i => new DocumentRow(Value($"{Documents}[{i}].name"), Value($"{Documents}[{i}].originals"), Value($"{Documents}[{i}].copies"))).ToList();
        var budgets = Indices(form, Budgets).Select(i => new BudgetRow(Value($"{Budgets}[{i}].unit"), Value($"{Budgets}[{i}].workingHours"))).ToList();
        return new VersionForm
        {
            DocumentRows = documents,
            BudgetRows = budgets,
            Values = singleFields.ToDictionary(f => f, f => AdministrationPages.Value(form, f), StringComparer.Ordinal),
        };
    }

    /// <summary>Applies a row button (<c>add:list</c>, <c>remove:list:i</c>); false when the post has none.</summary>
    public bool ApplyRowButton(string? button)
    {
        var parts = (button ?? string.Empty).Split(':');
        switch (parts)
        {
            case ["add", Documents]: DocumentRows.Add(DocumentRow.Blank); return true;
            case ["add", Budgets]: BudgetRows.Add(BudgetRow.Blank); return true;
            case ["remove", Documents, var i] when Index(i, DocumentRows.Count) is { } n: DocumentRows.RemoveAt(n); return true;
            case ["remove", Budgets, var i] when Index(i, BudgetRows.Count) is { } n: BudgetRows.RemoveAt(n); return true;
            default: return parts.Length > 0 && parts[0].Length > 0;
        }
    }

    /// <summary>The API's lists: blank rows left out; a count that is not a whole number is -1, which the API refuses.</summary>
    public (List<RequiredDocumentRequest> Documents, List<StepBudgetRequest> Budgets) Requests() =>
        (DocumentRows.Where(r => !r.IsBlank).Select(r => new RequiredDocumentRequest(r.Name?.Trim(), Count(r.Originals, 1), Count(r.Copies, 0))).ToList(),
         BudgetRows.Where(r => !r.IsBlank).Select(r => new StepBudgetRequest(r.Unit?.Trim(), Count(r.WorkingHours, 0))).ToList());

    /// <summary>
    /// The form to show again after the API refused it: blank rows dropped (so that row i is the API's item i and an
    /// error named <c>requiredDocuments[i]…</c> lands beside it), one blank row after each list.
    /// </summary>
    public VersionForm Compacted() => new()
    {
        DocumentRows = [.. DocumentRows.Where(r => !r.IsBlank), DocumentRow.Blank],
        BudgetRows = [.. BudgetRows.Where(r => !r.IsBlank), BudgetRow.Blank],
        Values = Values,
    };

    private static IEnumerable<int> Indices(IFormCollection form, string list) =>
        form.Keys.Select(k => RowKey().Match(k)).Where(m => m.Success && m.Groups["list"].Value == list)
            .Select(m => int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture)).Where(i => i < 1000).Distinct().Order();

    private static int? Index(string text, int count) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < count ? i : null;

    private static int Count(string? text, int blank) =>
        string.IsNullOrWhiteSpace(text) ? blank : int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<list>[A-Za-z]+)\[(?<i>\d{1,4})\]\.")]
    private static partial Regex RowKey();
}

/// <summary>A row of the documents checklist as typed.</summary>
public sealed record DocumentRow(string? Name, string? Originals, string? Copies)
{
    public static DocumentRow Blank => new(null, "1", "0");

    public bool IsBlank => string.IsNullOrWhiteSpace(Name);
}

/// <summary>A row of the steps' budgets as typed.</summary>
public sealed record BudgetRow(string? Unit, string? WorkingHours)
{
    public static BudgetRow Blank => new(null, null);

    public bool IsBlank => string.IsNullOrWhiteSpace(Unit) && string.IsNullOrWhiteSpace(WorkingHours);
}
