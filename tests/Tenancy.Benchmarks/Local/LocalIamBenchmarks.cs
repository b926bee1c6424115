using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Iam;
using Tenancy.Local.Emulator.Services.DynamoDb;
using Tenancy.Local.Emulator.Services.Sts;
using Tenancy.Local.Emulator.Template;
using Tenancy.Testing;

namespace Tenancy.Benchmarks.Local;

/// <summary>
/// What the local cloud adds to every request before DynamoDB Local sees it: SigV4 verification, working out the
/// leading keys of a Query, and evaluating the tenant-scoped policy of template.yaml with the session's tags.
/// </summary>
// Run in-process with the short job from the command line (see docs/benchmarks.md): building a separate
// benchmark executable times out on the shared machine.
[MemoryDiagnoser]
public class LocalIamBenchmarks
{
    private static readonly byte[] QueryBody = Encoding.UTF8.GetBytes("""
        {"TableName":"AppData","KeyConditionExpression":"#pk = :pk AND begins_with(SK, :p)","ExpressionAttributeNames":{"#pk":"PK"},
         "ExpressionAttributeValues":{":pk":{"S":"TENANT#acme"},":p":{"S":"ORDER#"}}}
        """);

    private readonly Dictionary<string, TableKeys> _schemas = new(StringComparer.Ordinal)
    {
        ["AppData"] = new TableKeys("AppData", "PK", new Dictionary<string, string> { ["GSI1"] = "GSI1PK" }),
    };

    private AccessAuthorizer _authorizer = null!;
    private LocalPrincipal _session = null!;
    private SigV4Verifier _verifier = null!;
    private DefaultHttpContext _signedRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        var template = TenancyTemplate.Load(Path.Combine(RepositoryFiles.Root, "template.yaml"));
        _authorizer = new AccessAuthorizer(template, TimeProvider.System);
        var credentials = CredentialGenerator.Temporary();
        var now = DateTimeOffset.UtcNow;
        var session = new StsSession("AssumeRole", template.Role("TenantDataRole").Arn, "bench", LocalAccount.AssumedRoleArn("TenantDataRole", "bench"), credentials.AccessKeyId,
            new Dictionary<string, string> { ["TenantID"] = "acme" }, ["TenantID"], "user", now, now.AddHours(1), "api");
        _session = new LocalPrincipal(PrincipalKind.RoleSession, credentials, session.AssumedRoleArn, "AROA:bench", "TenantDataRole", session);

        var store = new CredentialStore();
        store.Add(_session);
        _verifier = new SigV4Verifier(store, TimeProvider.System);
        _signedRequest = new DefaultHttpContext();
        var request = _signedRequest.Request;
        request.Method = "POST";
        request.Path = "/";
        request.Headers.Host = "127.0.0.1:4566";
        request.Headers.ContentType = "application/x-amz-json-1.0";
        request.Headers["X-Amz-Target"] = "DynamoDB_20120810.Query";
        request.Headers["X-Amz-Security-Token"] = credentials.SessionToken;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers["X-Amz-Date"] = amzDate;
        var unsigned = new SigV4AuthorizationHeader(credentials.AccessKeyId, amzDate[..8], "us-east-1", "dynamodb", ["content-type", "host", "x-amz-date", "x-amz-security-token", "x-amz-target"], string.Empty);
        var signature = SigV4Verifier.ComputeSignature(request, unsigned, credentials.SecretAccessKey, amzDate, Convert.ToHexStringLower(SHA256.HashData(QueryBody)));
        request.Headers.Authorization = $"AWS4-HMAC-SHA256 Credential={credentials.AccessKeyId}/{unsigned.Scope}, SignedHeaders={string.Join(';', unsigned.SignedHeaders)}, Signature={signature}";
    }

    [Benchmark]
    public bool VerifySigV4() => _verifier.Verify(_signedRequest.Request, QueryBody).Succeeded;

    [Benchmark]
    public int PlanQuery() => DynamoDbAccessPlanner.Plan("Query", (JsonObject)JsonNode.Parse(QueryBody)!, _schemas).Count;

    [Benchmark]
    public bool AuthorizeOwnPartition() =>
        _authorizer.Authorize(_session, "dynamodb:Query", LocalAccount.TableArn("AppData"), new RequestContext().Add("dynamodb:LeadingKeys", "TENANT#acme")).Allowed;

    [Benchmark]
    public bool AuthorizeForeignPartition() =>
        _authorizer.Authorize(_session, "dynamodb:Query", LocalAccount.TableArn("AppData"), new RequestContext().Add("dynamodb:LeadingKeys", "TENANT#globex")).Allowed;
}
