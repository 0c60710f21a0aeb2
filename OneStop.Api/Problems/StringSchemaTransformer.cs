using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OneStop.Api.Problems;

/// <summary>
/// Gives strings back their <c>"type": "string"</c> in the OpenAPI document: the schema exporter describes a type
/// read by a custom converter (<see cref="PolicyStringConverter"/>) as "anything", which would tell clients, and the
/// hostile-input suite that reads the document, nothing about a text field. A property declared <c>string?</c> is
/// also <c>null</c>.
/// </summary>
internal static class StringSchemaTransformer
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(string) || schema.Type is not null)
        {
            return Task.CompletedTask;
        }

        // NullabilityInfoContext is not thread-safe: one per schema.
        var nullability = new NullabilityInfoContext();
        var nullable = context.JsonPropertyInfo?.AttributeProvider switch
        {
            PropertyInfo property => nullability.Create(property).WriteState != NullabilityState.NotNull,
            FieldInfo field => nullability.Create(field).WriteState != NullabilityState.NotNull,
            _ => false,
        };
        schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        return Task.CompletedTask;
    }
}
