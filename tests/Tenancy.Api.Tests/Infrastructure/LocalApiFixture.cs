using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.SecurityToken.Model;
using Tenancy.Isolation;
using Tenancy.Local.Build;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Functions;
using Tenancy.Local.Run.Api;

namespace Tenancy.Api.Tests.Infrastructure;

/// <summary>
/// One local run for all end-to-end tests: the local cloud (DynamoDB Local behind IAM, STS, KMS, issuer, API Gateway
/// store), five onboarded tenants (each with its API key in its tier's usage plan, as onboarding does), and the tenant
/// API served as in AWS: the local REST API front runs the template's authorizer function and usage plans, then
/// invokes the API function's Native-AOT bootstrap through a local Lambda Runtime API. Set
/// <c>TENANCY_API_TESTS_LAUNCH=dotnet</c> to run the JIT builds of the functions instead (faster while iterating),
/// and <c>TENANCY_API_TESTS_FRONT=kestrel</c> to send requests straight to the API on Kestrel (debugging).
/// </summary>
public sealed class LocalApiFixture : IAsyncLifetime
{
    private readonly Dictionary<string, int> _vendedByTests = new(StringComparer.Ordinal);
    private readonly HttpClient _issuerHttp = new() { Timeout = TimeSpan.FromSeconds(30) };

    public LocalCloud Cloud { get; private set; } = null!;

    public ApiServing Serving { get; } =
        string.Equals(Environment.GetEnvironmentVariable("TENANCY_API_TESTS_FRONT"), "kestrel", StringComparison.OrdinalIgnoreCase) ? ApiServing.Kestrel : ApiServing.Gateway;

    /// <summary>Whether API Gateway (the local front and the authorizer) answers before the API does.</summary>
    public bool ThroughGateway => Serving == ApiServing.Gateway;

    /// <summary>The API every test shares.</summary>
    public IApiUnderTest Api { get; private set; } = null!;

    /// <summary>The API launched directly on Kestrel (only in <see cref="ApiServing.Kestrel"/>).</summary>
    public LocalApiLaunch Launch { get; private set; } = null!;

    /// <summary>Per function, the bootstrap run instead of a publish under <c>artifacts/functions</c> (gateway mode).</summary>
    public IReadOnlyDictionary<string, string> BootstrapOverrides { get; private set; } = new Dictionary<string, string>();

    /// <summary>The AOT publish of this run (null when launching the JIT build).</summary>
    public LocalApiPublisher.Result? Publish { get; private set; }

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Pooled, Basic tier.</summary>
    public TestTenant Basic { get; private set; } = null!;

    /// <summary>Siloed (own table), Premium tier.</summary>
    public TestTenant Premium { get; private set; } = null!;

    /// <summary>Pooled Basic, sharing <see cref="Basic"/>'s table: the target of same-table attacks.</summary>
    public TestTenant Neighbour { get; private set; } = null!;

    /// <summary>Pooled Basic whose key the encryption tests disable; used by no other test.</summary>
    public TestTenant Shredded { get; private set; } = null!;

    /// <summary>Pooled Basic, suspended in the registry before any request.</summary>
    public TestTenant Suspended { get; private set; } = null!;

    public IAmazonDynamoDB AdminDynamoDb { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var jit = Environment.GetEnvironmentVariable("TENANCY_API_TESTS_LAUNCH") == "dotnet";
        var publishing = jit ? Task.FromResult<LocalApiPublisher.Result?>(null) : PublishAsync();
        Cloud = await LocalCloud.StartAsync();
        AdminDynamoDb = Cloud.CreateDynamoDbClient(Cloud.AdminCredentials.ToAwsCredentials());

        Basic = await OnboardAsync("acme", TenantTier.Basic, TenancyModel.Pool);
        Premium = await OnboardAsync("globex", TenantTier.Premium, TenancyModel.Silo);
        Neighbour = await OnboardAsync("initech", TenantTier.Basic, TenancyModel.Pool);
        Shredded = await OnboardAsync("umbrella", TenantTier.Basic, TenancyModel.Pool);
        Suspended = await OnboardAsync("hooli", TenantTier.Basic, TenancyModel.Pool);
        await Cloud.SetTenantStatusAsync(Suspended.Id, TenantStatus.Suspended);

        Publish = await publishing;
        if (Publish is not null && (Publish.ExitCode != 0 || !File.Exists(Publish.BootstrapPath)))
        {
            throw new InvalidOperationException($"Publishing the API with Native AOT failed ({Publish.ExitCode}):\n{Publish.Log}");
        }

        if (Serving == ApiServing.Kestrel)
        {
            Launch = Publish is null ? LocalApiLaunch.FromRepositoryBuild() : LocalApiLaunch.NativeBinary(Publish.BootstrapPath);
        }
        else
        {
            // The API function runs the very binary whose publish the AOT test checks (no second publish of the same
            // project); the authorizer's bootstrap is published by the invoker. JIT runs use both app hosts instead.
            BootstrapOverrides = Publish is not null
                ? new Dictionary<string, string>(StringComparer.Ordinal) { [TemplateFunctionReader.ApiFunctionLogicalId] = Publish.BootstrapPath }
                : new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [TemplateFunctionReader.ApiFunctionLogicalId] = JitBootstraps.AppHostOf("Tenancy.Api"),
                    ["AuthorizerFunction"] = JitBootstraps.AppHostOf("Tenancy.ControlPlane"),
                };
        }

        Api = await StartColdApiAsync();
        Http = new HttpClient { BaseAddress = Api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>
    /// Another API against the same local cloud with cold caches (tests dispose it themselves): in gateway mode a new
    /// front whose Lambda environments and authorizer cache start empty, as after a cold start; else a new process.
    /// </summary>
    public async Task<IApiUnderTest> StartColdApiAsync() => Serving == ApiServing.Kestrel
        ? await KestrelApi.StartAsync(Launch, LocalApiEnvironment.For(Cloud))
        : await GatewayApi.StartAsync(Cloud, BootstrapOverrides);

    /// <summary>
    /// Credentials vended for <paramref name="tenant"/> exactly as the API vends them (API role → AssumeRole with the
    /// TenantID session tag), for tests that go around the application and talk to the platform directly.
    /// </summary>
    public async Task<LocalCredentials> VendAsync(TestTenant tenant)
    {
        using var sts = Cloud.CreateStsClient(Cloud.ApiCredentials.ToAwsCredentials());
        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = Cloud.TenantDataRoleArn,
            RoleSessionName = $"tests-{tenant.Id}",
            Tags = [new Tag { Key = "TenantID", Value = tenant.Id }],
            TransitiveTagKeys = ["TenantID"],
            DurationSeconds = 900,
        });
        lock (_vendedByTests)
        {
            _vendedByTests[tenant.Id] = _vendedByTests.GetValueOrDefault(tenant.Id) + 1;
        }

        return new LocalCredentials(response.Credentials.AccessKeyId, response.Credentials.SecretAccessKey, response.Credentials.SessionToken);
    }

    /// <summary>AssumeRole calls for <paramref name="tenant"/> made by the API (its processes or Lambda environments), not by tests.</summary>
    public long AssumeRoleCallsByApi(TestTenant tenant)
    {
        lock (_vendedByTests)
        {
            return Cloud.Counters.Sts("AssumeRole", tenant.Id) - _vendedByTests.GetValueOrDefault(tenant.Id);
        }
    }

    /// <summary>Signs in through the issuer's HTTP endpoint, as the demo client would.</summary>
    public async Task<(string IdToken, string AccessToken)> SignInAsync(string username, string password)
    {
        using var response = await _issuerHttp.PostAsJsonAsync(new Uri(Cloud.Issuer.IssuerUrl + "/signin"), new { username, password });
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var result = body["AuthenticationResult"] ?? body;
        return (result["IdToken"]!.GetValue<string>(), result["AccessToken"]!.GetValue<string>());
    }

    private async Task<TestTenant> OnboardAsync(string id, TenantTier tier, TenancyModel model)
    {
        var onboarded = await Cloud.OnboardTenantAsync(id, $"{id} Inc.", tier, model);
        var (idToken, accessToken) = await SignInAsync(onboarded.Username, onboarded.Password);
        return new TestTenant(onboarded, accessToken, idToken);
    }

    // The API's AOT publish, then (one publish at a time: they build the same libraries) the authorizer's.
    private async Task<LocalApiPublisher.Result?> PublishAsync()
    {
        var publish = await LocalApiPublisher.PublishAotAsync();
        if (Serving == ApiServing.Gateway && publish.ExitCode == 0)
        {
            await GatewayApi.PrepareAsync(new Dictionary<string, string>(StringComparer.Ordinal) { [TemplateFunctionReader.ApiFunctionLogicalId] = publish.BootstrapPath });
        }

        return publish;
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        _issuerHttp.Dispose();
        AdminDynamoDb?.Dispose();
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (Cloud is not null)
        {
            await Cloud.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LocalApiCollection : ICollectionFixture<LocalApiFixture>
{
    public const string Name = "local API";
}
