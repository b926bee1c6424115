using System.Text.Json.Serialization.Metadata;
using Microsoft.OpenApi;
using Tenancy.Api.Problems;

namespace Tenancy.Api.OpenApi;

/// <summary>
/// The OpenAPI services that describe the tenant API (<c>docs/openapi.json</c>). Registered only while the build-time
/// document tool runs the app (<see cref="OpenApiDocumentGeneration.IsToolRunning"/>); the routes themselves declare their
/// bodies, responses and problems, these transformers add what the routes cannot say: the API's identity and the
/// tenant bearer token.
/// </summary>
internal static class OpenApiDocumentFeature
{
    /// <summary>The one document the tool generates (scripts/openapi.sh stores it as docs/openapi.json).</summary>
    internal const string DocumentName = "v1";

    internal static IServiceCollection AddTenantApiDocument(this IServiceCollection services) =>
        services
            // The problem writer serializes with its own context, and raw bodies with none; the schemas need them in the chain.
            .ConfigureHttpJsonOptions(static options => options.SerializerOptions.TypeInfoResolverChain.Add(JsonTypeInfoResolver.Combine(ProblemsJsonContext.Default, DocumentSchemaJsonContext.Default)))
            .AddOpenApi(DocumentName, static options =>
        {
            // API Gateway imports OpenAPI 3.0, not 3.1.
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.AddDocumentTransformer<TenantApiDocumentTransformer>();
            options.AddOperationTransformer<TenantBearerOperationTransformer>();
        });
}
