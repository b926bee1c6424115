using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Template;
using Tenancy.Testing;

namespace Tenancy.Api.Tests.OpenApi;

/// <summary>
/// <c>docs/openapi.json</c> and <c>template.yaml</c>'s REST API describe the same API: every documented route reaches
/// the API function through a resource of the template's definition, behind the tenant authorizer whose identity
/// source is the documented bearer header, and the tenant-isolated compute option maps the authorizer's verified
/// tenant, and nothing the client sends, onto the invocation.
/// </summary>
public sealed class TemplateServesDocumentedRoutesTests
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private static JsonObject Document() =>
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("docs/openapi.json")))!.AsObject();

    private static IReadOnlyDictionary<string, object?> TenantApiProperties()
    {
        var resources = Map(CloudFormationYaml.Load(RepositoryFiles.PathOf("template.yaml"))["Resources"]);
        var api = Assert.Single(resources.Values.Select(Map), r => r.GetValueOrDefault("Type") as string == "AWS::Serverless::Api" && Map(r["Properties"]).ContainsKey("Auth") && Map(Map(r["Properties"])["Auth"]).GetValueOrDefault("DefaultAuthorizer") is "TenantAuthorizer");
        return Map(api["Properties"]);
    }

    private static IReadOnlyDictionary<string, object?> Map(object? value) =>
        value as IReadOnlyDictionary<string, object?> ?? throw new InvalidDataException($"Expected a mapping, found {value?.GetType().Name ?? "nothing"}.");

    [Fact]
    public void Every_documented_operation_reaches_the_api_function_through_a_resource_of_the_template()
    {
        var paths = Map(Map(TenantApiProperties()["DefinitionBody"])["paths"]);
        var operations = Document()["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(o => HttpMethods.Contains(o.Key)).Select(o => (Path: path.Key, Method: o.Key)))
            .ToList();
        Assert.True(operations.Count >= 10, $"The document lists only {operations.Count} operations.");

        foreach (var (path, method) in operations)
        {
            // A concrete request path for the template: each parameter becomes one segment.
            var requestPath = System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", "value");
            var resource = paths.Keys.FirstOrDefault(r => ResourceMatches(r, requestPath));
            Assert.True(resource is not null, $"{method.ToUpperInvariant()} {path} has no resource in template.yaml's TenantApi.");
            var methods = Map(paths[resource]);
            var operation = Map(methods.GetValueOrDefault(method) ?? methods.GetValueOrDefault("x-amazon-apigateway-any-method")
                ?? throw new InvalidDataException($"{method.ToUpperInvariant()} {path}: resource {resource} has no such method."));
            var integration = Map(operation["x-amazon-apigateway-integration"]);
            Assert.Equal("aws_proxy", integration["type"]);
            Assert.Contains("${ApiFunction.Arn}", Assert.IsType<string>(Map(integration["uri"])["Fn::Sub"]), StringComparison.Ordinal);
            // No per-method security: the API's default authorizer applies to every route.
            Assert.False(operation.ContainsKey("security"), $"{method.ToUpperInvariant()} {path} overrides the authorizer.");
        }
    }

    [Fact]
    public void The_authorizer_reads_the_documented_bearer_header_and_guards_every_route()
    {
        var scheme = Document()["components"]!["securitySchemes"]!["TenantBearer"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());

        var auth = Map(TenantApiProperties()["Auth"]);
        var authorizer = Map(Map(auth["Authorizers"])[Assert.IsType<string>(auth["DefaultAuthorizer"])]);
        Assert.Equal("REQUEST", authorizer["FunctionPayloadType"]);
        // An http bearer scheme travels in Authorization, the authorizer's only identity source.
        Assert.Equal(["Authorization"], Assert.IsType<List<object?>>(Map(authorizer["Identity"])["Headers"]));

        var secured = Document()["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(o => HttpMethods.Contains(o.Key)).Select(o => (Path: path.Key, Operation: o.Value!)))
            .Where(o => o.Path != "/health")
            .ToList();
        Assert.NotEmpty(secured);
        Assert.All(secured, o => Assert.Contains(
            o.Operation["security"]!.AsArray(),
            requirement => requirement!.AsObject().ContainsKey("TenantBearer")));
    }

    [Fact]
    public void Tenant_isolated_compute_maps_the_authorizers_tenant_and_no_documented_input_names_a_tenant()
    {
        var properties = TenantApiProperties();
        var operation = Map(Map(Map(Map(properties["DefinitionBody"])["paths"])["/{proxy+}"])["x-amazon-apigateway-any-method"]);
        var mapping = Assert.IsType<List<object?>>(Map(Map(operation["x-amazon-apigateway-integration"])["requestParameters"])["Fn::If"]);
        Assert.Equal("IsTenantIsolatedCompute", mapping[0]);
        Assert.Equal(
            new Dictionary<string, object?> { ["integration.request.header.X-Amz-Tenant-Id"] = "context.authorizer.tenantId" },
            Map(mapping[1]));
        Assert.Equal("AWS::NoValue", Map(mapping[2])["Ref"]);

        // The same condition turns on Lambda's per-tenant isolation of the API function the mapping feeds.
        var resources = Map(CloudFormationYaml.Load(RepositoryFiles.PathOf("template.yaml"))["Resources"]);
        var tenancyConfig = Assert.IsType<List<object?>>(Map(Map(Map(resources["ApiFunction"])["Properties"])["TenancyConfig"])["Fn::If"]);
        Assert.Equal("IsTenantIsolatedCompute", tenancyConfig[0]);
        Assert.Equal("PER_TENANT", Map(tenancyConfig[1])["TenantIsolationMode"]);

        // The tenant is the authorizer's alone: no documented parameter lets a client name one.
        var parameters = Document()["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(o => HttpMethods.Contains(o.Key)))
            .SelectMany(o => o.Value!["parameters"]?.AsArray() ?? [])
            .Select(p => p!["name"]!.GetValue<string>())
            .ToList();
        Assert.NotEmpty(parameters);
        Assert.DoesNotContain(parameters, name => name.Contains("tenant", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>API Gateway's resource matching: <c>{name+}</c> takes one or more segments, <c>{name}</c> exactly one.</summary>
    private static bool ResourceMatches(string resource, string requestPath)
    {
        var pattern = resource.Trim('/').Split('/');
        var segments = requestPath.Trim('/').Split('/');
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i].StartsWith('{') && pattern[i].EndsWith("+}", StringComparison.Ordinal))
            {
                return i == pattern.Length - 1 && segments.Length > i;
            }

            if (i >= segments.Length || (!pattern[i].StartsWith('{') && pattern[i] != segments[i]))
            {
                return false;
            }
        }

        return pattern.Length == segments.Length;
    }
}
