using System.Text.Json.Nodes;
using Tenancy.Local.Tests.AwsCli;
using Tenancy.Local.Tests.StepFunctions;

namespace Tenancy.Local.Tests.Lambda;

/// <summary>Lambda's Invoke endpoint through <c>aws lambda invoke</c>: payloads in and out, function errors flagged, IAM and unknown functions refused.</summary>
[Collection(ScriptedFunctionsCloudCollection.Name)]
public sealed class LambdaInvokeCliTests : IDisposable
{
    private readonly ScriptedFunctionsCloudFixture _fixture;
    private readonly string _outFile = Path.Combine(Path.GetTempPath(), $"tenancy-lambda-{Guid.NewGuid():N}.json");

    public LambdaInvokeCliTests(ScriptedFunctionsCloudFixture fixture)
    {
        _fixture = fixture;
    }

    public void Dispose() => File.Delete(_outFile);

    [Fact]
    public async Task A_request_response_invocation_returns_the_function_payload()
    {
        var result = (await Invoke(ScriptedRegistryFunction.LogicalId, """{"transition":"register","tenantId":"hooli","tier":"Premium"}""")).Json;

        Assert.Equal(200, (int)result["StatusCode"]!);
        Assert.Null(result["FunctionError"]);
        Assert.Equal("$LATEST", (string)result["ExecutedVersion"]!);
        var payload = JsonNode.Parse(await File.ReadAllTextAsync(_outFile))!;
        Assert.Equal("Active", (string)payload["status"]!);
        Assert.Equal("Premium", (string)payload["tier"]!);
        Assert.Contains(_fixture.Registry.Events, e => (string?)e["tenantId"] == "hooli");
    }

    [Fact]
    public async Task A_function_error_is_answered_200_with_the_error_header_and_payload()
    {
        var arn = $"arn:aws:lambda:{_fixture.Cloud.Region}:{_fixture.Cloud.AccountId}:function:{ScriptedRegistryFunction.LogicalId}";
        var result = (await Invoke(arn, $$"""{"transition":"register","tenantId":"{{ScriptedRegistryFunction.RefusedTenant}}"}""")).Json;

        Assert.Equal(200, (int)result["StatusCode"]!);
        Assert.Equal("Unhandled", (string)result["FunctionError"]!);
        Assert.Equal("TenantStateConflict", (string)JsonNode.Parse(await File.ReadAllTextAsync(_outFile))!["errorType"]!);
    }

    [Fact]
    public async Task Unknown_functions_and_callers_without_invoke_permission_are_refused()
    {
        Assert.Equal("ResourceNotFoundException", (await Invoke("NoSuchFunction", "{}")).ErrorCode);

        var before = _fixture.Registry.Events.Count;
        var denied = await AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.ApiCredentials, "lambda", "invoke", "--function-name", ScriptedRegistryFunction.LogicalId, "--payload", """{"tenantId":"sneaky"}""", _outFile);
        Assert.Equal("AccessDeniedException", denied.ErrorCode);
        Assert.Equal(before, _fixture.Registry.Events.Count);
    }

    private Task<AwsCliResult> Invoke(string functionName, string payload) =>
        AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.AdminCredentials, "lambda", "invoke", "--function-name", functionName, "--payload", payload, _outFile);
}
