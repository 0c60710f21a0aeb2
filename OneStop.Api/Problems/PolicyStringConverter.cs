using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.Api.Problems;

/// <summary>
/// Every string of every JSON request body passes <see cref="InputPolicy.FirstForbidden"/> (line breaks allowed:
/// a single-line field refuses them where it is validated) and is at most <see cref="InputPolicy.MaxJsonStringLength"/>
/// characters, so no field, including one added later, can carry NUL, a control character, a direction override, a
/// lone surrogate or a megabyte of text to the database. The refusal is a
/// <see cref="JsonException"/>: the framework adds the JSON path and <see cref="ProblemExceptionHandler"/> answers a
/// 400 naming the field. Writing is unchanged.
/// </summary>
internal sealed class PolicyStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }

        var value = reader.GetString()!;
        if (value.Length > InputPolicy.MaxJsonStringLength)
        {
            throw new JsonException(InputPolicy.TooLongMessage);
        }

        return InputPolicy.FirstForbidden(value, multiLine: true) >= 0 ? throw new JsonException(InputPolicy.ForbiddenCharacterMessage) : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
