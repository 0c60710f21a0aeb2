using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneStop.Tests.Api.Security;

/// <summary>
/// Builds the hostile-input suite from the API's own OpenAPI document, so an endpoint added later is attacked
/// without a new test. For every operation: a plausible body from its schema, then one request per field and
/// per class of hostile value (NUL, C0 and C1 controls, a right-to-left override, a lone surrogate, a text over
/// each field's maximum and one over any, a date followed by NUL and junk; years 1, 1899, 2200 and 9999 in date fields; Arabic-Indic digits in
/// id and phone fields; <c>[null]</c> and 1,001 items in lists; wrong types, enum names that do not exist, numbers
/// at the top of their type), the same classes in query, path and header parameters, and whole-body attacks (bad
/// JSON, a JSON array or null, the wrong media type, a body over the size limit).
/// </summary>
internal static class HostileCorpus
{
    /// <summary>The values that stand for an existing dossier, user, agency and procedure in paths.</summary>
    public sealed record Subjects(string DossierCode, string UserName, string AgencyId, string ProcedureCode);

    private const string Marker = "__hostile__";

    /// <summary>Text values refused in every field: (class, raw JSON literal, the text itself for URLs or null).</summary>
    private static readonly (string Class, string Json, string? Text)[] TextAttacks =
    [
        ("nul", Literal("Nguyễn\u0000Văn"), "Nguyễn\u0000Văn"),
        ("c0-control", Literal("Nguyễn\u0007Văn"), "Nguyễn\u0007Văn"),
        ("c1-control", Literal("Nguyễn\u0085Văn"), "Nguyễn\u0085Văn"),
        ("bidi-override", Literal("invoice\u202Etxt.exe"), "invoice\u202Etxt.exe"),
        ("bidi-isolate", Literal("a\u2067b"), "a\u2067b"),
        ("lone-surrogate", "\"Nguy\\ud800n\"", null),
        ("date-nul-junk", Literal("2025-03-03T09:00:00+07:00\u0000junk"), "2025-03-03T09:00:00+07:00\u0000junk"),
        ("over-length", Literal(new string('x', 4_001)), null), // over every field's own maximum
        ("over-any-length", Literal(new string('x', 20_001)), null), // over the maximum of any JSON string
    ];

    /// <summary>Out-of-range dates, for fields that hold a date or an instant.</summary>
    private static readonly (string Class, string Instant, string Date)[] DateAttacks =
    [
        ("year-1", "0001-01-01T00:00:00+07:00", "0001-01-01"),
        ("year-1899", "1899-12-31T23:59:59+07:00", "1899-12-31"),
        ("year-2200", "2200-01-01T09:00:00+07:00", "2200-01-01"),
        ("year-9999", "9999-12-31T23:59:59+07:00", "9999-12-31"),
    ];

    public static IReadOnlyList<HostileRequest> Build(JsonDocument openApi, Subjects subjects)
    {
        var requests = new List<HostileRequest>();
        var schemas = openApi.RootElement.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
        foreach (var path in openApi.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var name = $"{method} {path.Name}";
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                var url = PathWith(path.Name, parameters, subjects, null, null);
                var query = string.Join('&', parameters.Where(x => In(x) == "query" && IsRequired(x)).Select(x => Name(x) + "=" + Uri.EscapeDataString(QueryValue(Name(x), x))));
                var baseUrl = query.Length == 0 ? url : url + "?" + query;

                JsonNode? body = null;
                string? contentType = null;
                if (operation.Value.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
                {
                    var media = content.EnumerateObject().First();
                    contentType = media.Name;
                    body = contentType.Contains("json", StringComparison.Ordinal) && media.Value.TryGetProperty("schema", out var schema)
                        ? Sample(Resolve(schema, schemas), schemas, string.Empty, 0)
                        : null;
                }

                // Path parameters.
                foreach (var parameter in parameters.Where(x => In(x) == "path"))
                {
                    // NUL is left out: the server refuses it in a path before the application (Kestrel and the test server alike).
                    foreach (var (kind, _, text) in TextAttacks.Where(a => a.Text is not null && !a.Text.Contains('\0', StringComparison.Ordinal)))
                    {
                        requests.Add(new(name, "path:" + Name(parameter), kind, method, PathWith(path.Name, parameters, subjects, Name(parameter), text) + (query.Length == 0 ? string.Empty : "?" + query),
                            BodyText(body), contentType, null));
                    }
                }

                // Query parameters.
                foreach (var parameter in parameters.Where(x => In(x) == "query"))
                {
                    var others = parameters.Where(x => In(x) == "query" && IsRequired(x) && Name(x) != Name(parameter))
                        .Select(x => Name(x) + "=" + Uri.EscapeDataString(QueryValue(Name(x), x)));
                    var values = TextAttacks.Where(a => a.Text is not null).Select(a => (a.Class, a.Text!)).ToList();
                    var type = TypeOf(Resolve(parameter.GetProperty("schema"), schemas));
                    if (type is "integer" or "number" or "boolean")
                    {
                        values.Add(("wrong-type", "x"));
                        values.Add(("overflow", "99999999999999999999"));
                    }
                    else if (IsDateName(Name(parameter)))
                    {
                        values.AddRange(DateAttacks.Select(d => (d.Class, d.Instant)));
                    }

                    foreach (var (kind, value) in values)
                    {
                        var q = string.Join('&', others.Append(Name(parameter) + "=" + Uri.EscapeDataString(value)));
                        requests.Add(new(name, "query:" + Name(parameter), kind, method, url + "?" + q, BodyText(body), contentType, Name(parameter)));
                    }
                }

                // Header parameters (the idempotency key).
                foreach (var parameter in parameters.Where(x => In(x) == "header"))
                {
                    requests.Add(new(name, "header:" + Name(parameter), "bidi-override", method, baseUrl, BodyText(body), contentType, Name(parameter))
                    { Headers = [(Name(parameter), "key\u202Eyek")] });
                    requests.Add(new(name, "header:" + Name(parameter), "over-length", method, baseUrl, BodyText(body), contentType, Name(parameter))
                    { Headers = [(Name(parameter), new string('k', 5000))] });
                }

                if (contentType is null)
                {
                    continue;
                }

                // Whole-body attacks.
                requests.Add(new(name, "body", "bad-json", method, baseUrl, "{\"a\":", "application/json", null));
                requests.Add(new(name, "body", "json-array", method, baseUrl, "[]", "application/json", null));
                if (requestBody.TryGetProperty("required", out var required) && required.GetBoolean())
                {
                    requests.Add(new(name, "body", "json-null", method, baseUrl, "null", "application/json", null));
                }

                requests.Add(new(name, "body", "wrong-media-type", method, baseUrl, BodyText(body) ?? "x", "text/plain", null));
                requests.Add(new(name, "body", "too-large", method, baseUrl, "{\"x\":\"" + new string('x', 2 * 1024 * 1024) + "\"}", contentType, null));

                if (body is null)
                {
                    // A body that is not JSON (an iCalendar file): the text classes in its content.
                    foreach (var (kind, json, text) in TextAttacks.Where(a => a.Text is not null))
                    {
                        requests.Add(new(name, "body", kind, method, baseUrl, "BEGIN:VCALENDAR\r\nX-NAME:" + text + "\r\nEND:VCALENDAR\r\n", contentType, null));
                    }

                    continue;
                }

                // Field attacks.
                foreach (var (field, fieldSchema) in Fields(body, operation.Value.GetProperty("requestBody").GetProperty("content").EnumerateObject().First().Value.GetProperty("schema"), schemas, string.Empty))
                {
                    foreach (var (kind, literal) in Attacks(field, fieldSchema, schemas, body))
                    {
                        requests.Add(new(name, "field:" + field, kind, method, baseUrl, Replace(body, field, literal), contentType, field));
                    }
                }
            }
        }

        return requests;
    }

    /// <summary>The hostile values of one field, as JSON literals.</summary>
    private static IEnumerable<(string Class, string Literal)> Attacks(string field, JsonElement schema, JsonElement schemas, JsonNode body)
    {
        var leaf = Leaf(field);
        switch (TypeOf(schema))
        {
            case "string" when schema.TryGetProperty("enum", out _):
                yield return ("unknown-enum", "\"Bogus\"");
                yield return ("enum-number", "12345");
                yield break;
            case "string":
                foreach (var (kind, json, _) in TextAttacks)
                {
                    yield return (kind, json);
                }

                if (IsDateName(leaf))
                {
                    var dateOnly = leaf.Contains("days", StringComparison.OrdinalIgnoreCase) || leaf.Equals("effectiveFrom", StringComparison.OrdinalIgnoreCase);
                    foreach (var (kind, instant, date) in DateAttacks)
                    {
                        yield return (kind, Literal(dateOnly ? date : instant));
                    }
                }

                if (IsDigitName(leaf))
                {
                    yield return ("arabic-indic-digits", Literal(leaf.Contains("phone", StringComparison.OrdinalIgnoreCase) ? "٠٩١٢٣٤٥٦٧٨" : leaf.Contains("idNumber", StringComparison.OrdinalIgnoreCase) ? "٠٠١١٩٠٠١٢٣٤٥" : "٠٠٠.٠٠.١٢.H٩٩"));
                }

                yield return ("wrong-type", "{}");
                yield break;
            case "integer":
                yield return ("wrong-type", "\"x\"");
                yield return ("overflow", "99999999999999999999");
                yield return ("int-max", int.MaxValue.ToString(CultureInfo.InvariantCulture));
                yield return ("int-min", int.MinValue.ToString(CultureInfo.InvariantCulture));
                yield break;
            case "number":
                yield return ("wrong-type", "\"x\"");
                yield return ("huge", "1e28");
                yield return ("negative", "-1");
                yield break;
            case "array":
                yield return ("null-item", "[null]");
                var item = Node(body, field) is JsonArray { Count: > 0 } items ? items[0]!.ToJsonString() : "\"x\"";
                yield return ("1001-items", "[" + string.Join(',', Enumerable.Repeat(item, 1001)) + "]");
                yield return ("wrong-type", "\"x\"");
                yield break;
            case "object":
                yield return ("wrong-type", "\"x\"");
                yield break;
        }
    }

    /// <summary>Every attackable field of a body: (path such as "applicant.fullName" or "documents[0].name", schema).</summary>
    private static IEnumerable<(string Field, JsonElement Schema)> Fields(JsonNode? node, JsonElement schema, JsonElement schemas, string prefix)
    {
        schema = Resolve(schema, schemas);
        switch (node)
        {
            case JsonObject obj when schema.TryGetProperty("properties", out var properties):
                foreach (var property in properties.EnumerateObject())
                {
                    var path = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
                    var propertySchema = Resolve(property.Value, schemas);
                    yield return (path, propertySchema);
                    if (obj[property.Name] is { } child && TypeOf(propertySchema) is "object" or "array")
                    {
                        foreach (var inner in Fields(child, propertySchema, schemas, path))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray { Count: > 0 } array when schema.TryGetProperty("items", out var items):
                var itemSchema = Resolve(items, schemas);
                var first = prefix + "[0]";
                if (TypeOf(itemSchema) != "object")
                {
                    yield return (first, itemSchema);
                }

                foreach (var inner in Fields(array[0], itemSchema, schemas, first))
                {
                    yield return inner;
                }

                break;
        }
    }

    /// <summary>A plausible value for a schema: names the desk would use, so that a refusal is the attacked field's.</summary>
    private static JsonNode? Sample(JsonElement schema, JsonElement schemas, string name, int depth)
    {
        schema = Resolve(schema, schemas);
        if (schema.TryGetProperty("enum", out var values))
        {
            return values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => JsonValue.Create(v.GetString())).FirstOrDefault();
        }

        switch (TypeOf(schema))
        {
            case "object" when depth < 4:
                var obj = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        obj[property.Name] = Sample(property.Value, schemas, property.Name, depth + 1);
                    }
                }

                return obj;
            case "array" when depth < 4:
                var item = schema.TryGetProperty("items", out var items) ? Sample(items, schemas, name, depth + 1) : JsonValue.Create("x");
                return new JsonArray(item);
            case "integer":
                return JsonValue.Create(name.Equals("year", StringComparison.OrdinalIgnoreCase) ? 2026 : name.Equals("workingHours", StringComparison.OrdinalIgnoreCase) ? 8 : 1);
            case "number":
                return JsonValue.Create(0);
            case "boolean":
                return JsonValue.Create(false);
            case "string":
                return JsonValue.Create(TextSample(name));
            default:
                return null;
        }
    }

    private static string TextSample(string name) => name.ToUpperInvariant() switch
    {
        "PROCEDURECODE" or "CODE" => "1.000894.H99",
        "AGENCY" or "PARENT" => "000.00.12.H99",
        "ELECTRONICID" => "000.00.14.H99",
        "IDNUMBER" => "001190012345",
        "PHONE" => "0912345678",
        "EMAIL" => "cong.dan@example.vn",
        "SESSIONS" => "07:30-11:30",
        "SATURDAYRECEPTION" => "08:00-11:00",
        "CUTOFF" => "15:00",
        "ROLES" => "Clerk",
        "PASSWORD" => "MotCua@2025-x",
        "USERNAME" => "hostile-nobody",
        "KEY" => "2026-hostile-notice",
        "EFFECTIVEFROM" or "DAYSOFF" => "2025-03-04",
        "MAKEUPWORKINGDAYS" => "2025-03-08",
        _ when IsDateName(name) => "2025-03-03T09:00:00+07:00",
        _ => "Văn bản thử",
    };

    private static string QueryValue(string name, JsonElement parameter) =>
        TypeOf(parameter.GetProperty("schema")) switch { "integer" => "1", "boolean" => "false", _ => TextSample(name) };

    private static string PathWith(string template, List<JsonElement> parameters, Subjects subjects, string? attacked, string? value)
    {
        var url = template;
        foreach (var parameter in parameters.Where(x => In(x) == "path"))
        {
            var name = Name(parameter);
            var real = name switch
            {
                "code" when template.StartsWith("/api/admin/procedures", StringComparison.Ordinal) => subjects.ProcedureCode,
                "code" => subjects.DossierCode,
                "userName" => subjects.UserName,
                "electronicId" => subjects.AgencyId,
                "year" => "2025",
                "date" => "2025-03-03",
                "id" => Guid.Empty.ToString(),
                _ => "x",
            };
            url = url.Replace("{" + name + "}", Uri.EscapeDataString(name == attacked ? value! : real), StringComparison.Ordinal);
        }

        return url;
    }

    private static string Replace(JsonNode body, string field, string literal)
    {
        var copy = body.DeepClone();
        var parent = Parent(copy, field, out var last);
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = Marker;
                break;
            case JsonArray array:
                array[int.Parse(last, CultureInfo.InvariantCulture)] = Marker;
                break;
        }

        return copy.ToJsonString().Replace("\"" + Marker + "\"", literal, StringComparison.Ordinal);
    }

    private static JsonNode? Node(JsonNode body, string field) => Parent(body, field, out var last) switch
    {
        JsonObject obj => obj[last],
        JsonArray array => array[int.Parse(last, CultureInfo.InvariantCulture)],
        _ => null,
    };

    /// <summary>The container of a field path and the last step (a property name or an index).</summary>
    private static JsonNode? Parent(JsonNode root, string field, out string last)
    {
        var steps = field.Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        JsonNode? node = root;
        for (var i = 0; i < steps.Length - 1; i++)
        {
            node = Step(node, steps[i]);
        }

        last = steps[^1].Trim('[', ']');
        return node;
    }

    private static JsonNode? Step(JsonNode? node, string step) =>
        step.StartsWith('[') ? (node as JsonArray)?[int.Parse(step.Trim('[', ']'), CultureInfo.InvariantCulture)] : (node as JsonObject)?[step];

    private static string? BodyText(JsonNode? body) => body?.ToJsonString();

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        for (var i = 0; i < 10; i++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
                continue;
            }

            var alternatives = schema.TryGetProperty("oneOf", out var oneOf) ? oneOf : schema.TryGetProperty("anyOf", out var anyOf) ? anyOf : schema.TryGetProperty("allOf", out var allOf) ? allOf : default;
            if (alternatives.ValueKind == JsonValueKind.Array)
            {
                schema = alternatives.EnumerateArray().First(a => TypeOf(a) != "null");
                continue;
            }

            break;
        }

        return schema;
    }

    private static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            return type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
                : type.GetString();
        }

        return schema.TryGetProperty("properties", out _) ? "object" : schema.TryGetProperty("$ref", out _) ? "object" : null;
    }

    private static string In(JsonElement parameter) => parameter.GetProperty("in").GetString()!;

    private static string Name(JsonElement parameter) => parameter.GetProperty("name").GetString()!;

    private static bool IsRequired(JsonElement parameter) => parameter.TryGetProperty("required", out var r) && r.GetBoolean();

    private static string Leaf(string field) => field.Split('.')[^1].Split('[')[0];

    private static bool IsDateName(string name) =>
        name.EndsWith("At", StringComparison.Ordinal) || name.EndsWith("From", StringComparison.Ordinal) || name.EndsWith("Before", StringComparison.Ordinal)
        || name is "from" or "to" or "daysOff" or "makeUpWorkingDays";

    private static bool IsDigitName(string name) => name is "idNumber" or "phone" or "electronicId" or "agency" or "parent" or "procedureCode" or "code";

    private static string Literal(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or (>= '\u007F' and <= '\u009F') or (>= '\u2028' and <= '\u206F') => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
