using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tenancy.Api.OpenApi;

/// <summary>The document's identity and the tenant bearer scheme that <see cref="TenantBearerOperationTransformer"/> requires.</summary>
internal sealed class TenantApiDocumentTransformer : IOpenApiDocumentTransformer
{
    internal const string BearerSchemeName = "TenantBearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Tenancy tenant API",
            Version = "1.0",
            Description = "The tenant API behind API Gateway's Lambda REQUEST authorizer. The tenant comes only from the "
                + "verified access token; a request that names a tenant itself (header or query) is refused with 400. "
                + "Every failure is an RFC 9457 problem (application/problem+json).",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A Cognito access token of a user of an active tenant (custom:tenantID claim).",
        };
        return Task.CompletedTask;
    }
}
