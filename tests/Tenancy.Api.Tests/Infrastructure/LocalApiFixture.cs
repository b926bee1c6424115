using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.SecurityToken.Model;
using Tenancy.Isolation;
using Tenancy.Local.Build;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Run.Api;

namespace Tenancy.Api.Tests.Infrastructure;

/// <summary>
/// One local run for all end-to-end tests: the local cloud (DynamoDB Local behind IAM, STS, KMS, issuer), four
/// onboarded tenants, and the tenant API published with Native AOT and started as its own process on loopback,
/// configured exactly like the Lambda function. Set <c>TENANCY_API_TESTS_LAUNCH=dotnet</c> to run the JIT build
/// instead (faster while iterating); the default is the published AOT binary.
/// </summary>
public sealed class LocalApiFixture : IAsyncLifetime
{
    private readonly Dictionary<string, int> _vendedByTests = new(StringComparer.Ordinal);
    private readonly HttpClient _issuerHttp = new() { Timeout = TimeSpan.FromSeconds(30) };

    public LocalCloud Cloud { get; private set; } = null!;

    public LocalApiProcess Api { get; private set; } = null!;

    public LocalApiLaunch Launch { get; private set; } = null!;

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
        var launchKind = Environment.GetEnvironmentVariable("TENANCY_API_TESTS_LAUNCH");
        var publishing = launchKind == "dotnet" ? Task.FromResult<LocalApiPublisher.Result?>(null) : PublishAsync();
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

        Launch = Publish is null ? LocalApiLaunch.FromRepositoryBuild() : LocalApiLaunch.NativeBinary(Publish.BootstrapPath);
        Api = await StartApiAsync();
        Http = new HttpClient { BaseAddress = Api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Another API process against the same local cloud, with cold caches (tests stop it themselves).</summary>
    public Task<LocalApiProcess> StartApiAsync() => LocalApiProcess.StartAsync(Launch, LocalApiEnvironment.For(Cloud));

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

    /// <summary>AssumeRole calls for <paramref name="tenant"/> made by the API process(es), not by tests.</summary>
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

    private static async Task<LocalApiPublisher.Result?> PublishAsync() => await LocalApiPublisher.PublishAotAsync();

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
