using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Mosaic.Server.Agent;
using Mosaic.Server.Chat;
using Scalar.AspNetCore;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// The OpenAPI document at /openapi/v1.json; a browsable reference at /scalar in development. The web UI's types are
/// generated from it (web/src/api/schema.d.ts, scripts/openapi.sh), so it must say exactly what goes over the wire.
/// </summary>
public static class OpenApiDocs
{
    public static WebApplicationBuilder AddOpenApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer(NumbersAsNumbers);
            options.AddDocumentTransformer(DiscriminatorsRequired);
            options.AddDocumentTransformer(DescribeStoredMetadata);
            options.AddDocumentTransformer(DescribeProblems);
        });
        return builder;
    }

    public static WebApplication MapOpenApiDocs(this WebApplication app)
    {
        app.MapOpenApi().DisableRateLimiting();
        if (app.Environment.IsDevelopment())
            app.MapScalarApiReference().DisableRateLimiting();
        return app;
    }

    /// <summary>
    /// The serializer reads a number from a string too, so the generator offers "integer or string"; the server only
    /// ever writes numbers, and a client should only send numbers.
    /// </summary>
    private static Task NumbersAsNumbers(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        const JsonSchemaType numeric = JsonSchemaType.Integer | JsonSchemaType.Number;
        if (schema.Type is { } type && (type & numeric) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// A stream event always carries its kind (<c>type</c> or <c>event_type</c>), but the generator lists it only on the
    /// base type: each event's own schema names it required, so a client can switch on it.
    /// </summary>
    private static Task DiscriminatorsRequired(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var discriminator in schemas.Values.Select(s => s.Discriminator).OfType<OpenApiDiscriminator>())
        foreach (var target in discriminator.Mapping?.Values ?? [])
            if (
                target.Reference.Id is { } id
                && schemas.TryGetValue(id, out var found)
                && found is OpenApiSchema derived
                && discriminator.PropertyName is { } name
            )
            {
                derived.Required ??= new HashSet<string>();
                derived.Required.Add(name);
            }
        return Task.CompletedTask;
    }

    /// <summary>
    /// chat_history.metadata is kept as raw JSON, so its type is lost on the way out: it is a source's
    /// <see cref="ChatMetadata"/>, the agent's <see cref="AgentMetadata"/>, or null (questions).
    /// </summary>
    private static async Task DescribeStoredMetadata(
        OpenApiDocument document,
        OpenApiDocumentTransformerContext context,
        CancellationToken ct
    )
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null || !schemas.TryGetValue(nameof(ChatSessionMessage), out var found))
            return;
        if (found is not OpenApiSchema message || message.Properties is null)
            return;
        if (!schemas.ContainsKey(nameof(AgentMetadata)))
            document.AddComponent(nameof(AgentMetadata), await context.GetOrCreateSchemaAsync(typeof(AgentMetadata), null, ct));
        message.Properties["metadata"] = new OpenApiSchema
        {
            OneOf =
            [
                new OpenApiSchema { Type = JsonSchemaType.Null },
                new OpenApiSchemaReference(nameof(ChatMetadata), document),
                new OpenApiSchemaReference(nameof(AgentMetadata), document),
            ],
        };
    }

    /// <summary>Every error answer is RFC 7807 ProblemDetails (ProblemHandling.cs): one default response says so everywhere.</summary>
    private static async Task DescribeProblems(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        if (document.Components?.Schemas?.ContainsKey(nameof(ProblemDetails)) != true)
            document.AddComponent(nameof(ProblemDetails), await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct));
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            operation.Responses ??= [];
            operation.Responses.TryAdd(
                "default",
                new OpenApiResponse
                {
                    Description = "The request failed: a ProblemDetails with a detail a person can read.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), document) },
                    },
                }
            );
        }
    }
}
