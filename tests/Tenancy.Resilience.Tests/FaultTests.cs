using System.Net;
using System.Text.Json.Nodes;
using Amazon.KeyManagementService.Model;
using Tenancy.Isolation;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Services.Identity;
using Tenancy.Resilience.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Tenancy.Resilience.Tests;

/// <summary>
/// Each dependency of the tenant API fails in turn (through the local cloud's fault switches, or for real): the API
/// answers with its documented status and no data, recovers by itself once the dependency is back, and every write it
/// acknowledged is readable afterwards while refused writes stored nothing.
/// </summary>
[Collection(LocalRunCollection.Name)]
public sealed class FaultTests
{
    private readonly LocalRunFixture _fixture;
    private readonly ITestOutputHelper _output;

    public FaultTests(LocalRunFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Theory]
    [InlineData("sts", "AssumeRole", LocalFaultKind.Unavailable)]
    [InlineData("sts", "AssumeRole", LocalFaultKind.Throttle)]
    [InlineData("kms", "GenerateDataKey", LocalFaultKind.Unavailable)]
    [InlineData("kms", "GenerateDataKey", LocalFaultKind.Throttle)]
    [InlineData("dynamodb", "GetItem", LocalFaultKind.Unavailable)]
    [InlineData("dynamodb", "PutItem", LocalFaultKind.Throttle)]
    public async Task A_failing_dependency_is_503_stores_nothing_and_the_api_recovers_by_itself(string service, string operation, LocalFaultKind kind)
    {
        using var http = await SharedClientAsync();
        var tenant = await _fixture.OnboardFreshAsync("fault", TenantTier.Basic, TenancyModel.Pool);
        var faultsBefore = _fixture.Cloud.Counters.Get($"fault:{service}:{operation}");

        _fixture.Cloud.Faults.Set(service, kind, operation);
        try
        {
            using var refused = await http.SendAsync(HttpMethod.Post, "/orders", tenant.AccessToken, TenantHttp.OrderFor(tenant, 1));
            await Problems.AssertAsync(refused, HttpStatusCode.ServiceUnavailable, "temporarily-unavailable");
            Assert.True(_fixture.Cloud.Counters.Get($"fault:{service}:{operation}") > faultsBefore, "the fault was never hit");
        }
        finally
        {
            _fixture.Cloud.Faults.Clear(service, operation);
        }

        var (created, attempts) = await Recovery.UntilAsync(() => http.SendAsync(HttpMethod.Post, "/orders", tenant.AccessToken, TenantHttp.OrderFor(tenant, 2)), HttpStatusCode.Created);
        _output.WriteLine($"{service}:{operation} {kind}: faulted requests {_fixture.Cloud.Counters.Get($"fault:{service}:{operation}") - faultsBefore}, recovered on attempt {attempts}");
        using (created)
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
            Assert.Equal(new[] { id }, await http.ListAllIdsAsync(tenant));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_disabled_or_deleting_tenant_key_refuses_with_tenant_data_unreadable_and_serves_again_once_restored(bool pendingDeletion)
    {
        using var http = await SharedClientAsync();
        var tenant = await _fixture.OnboardFreshAsync("keyoff", TenantTier.Basic, TenancyModel.Pool);
        using var kms = _fixture.Cloud.CreateKmsClient(_fixture.Cloud.AdminCredentials.ToAwsCredentials());
        var keyId = tenant.Onboarded.KmsKeyId;

        if (pendingDeletion)
        {
            await kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = keyId, PendingWindowInDays = 7 });
        }
        else
        {
            await kms.DisableKeyAsync(new DisableKeyRequest { KeyId = keyId });
        }

        try
        {
            using var refused = await http.SendAsync(HttpMethod.Post, "/orders", tenant.AccessToken, TenantHttp.OrderFor(tenant, 1));
            await Problems.AssertAsync(refused, HttpStatusCode.InternalServerError, "tenant-data-unreadable");
        }
        finally
        {
            if (pendingDeletion)
            {
                await kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = keyId });
            }

            // A cancelled deletion leaves the key disabled, as in AWS.
            await kms.EnableKeyAsync(new EnableKeyRequest { KeyId = keyId });
        }

        using var created = await http.SendAsync(HttpMethod.Post, "/orders", tenant.AccessToken, TenantHttp.OrderFor(tenant, 2));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        using var read = await http.SendAsync(HttpMethod.Get, $"/orders/{id}", tenant.AccessToken);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(new[] { id }, await http.ListAllIdsAsync(tenant));
    }

    [Fact]
    public async Task DynamoDb_local_killed_and_restarted_under_load_loses_no_acknowledged_write()
    {
        using var http = await SharedClientAsync();
        LoadTenant[] tenants =
        [
            await _fixture.OnboardFreshAsync("crash", TenantTier.Basic, TenancyModel.Pool),
            await _fixture.OnboardFreshAsync("crash", TenantTier.Premium, TenancyModel.Silo),
        ];
        var acknowledged = tenants.Select(_ => new List<string>()).ToArray();
        var unavailable = 0L;
        var unexpected = new List<string>();
        var sequence = 0L;
        using var stop = new CancellationTokenSource();

        async Task WriteAsync(int writer)
        {
            var t = writer % tenants.Length;
            while (!stop.IsCancellationRequested)
            {
                using var response = await http.SendAsync(HttpMethod.Post, "/orders", tenants[t].AccessToken, TenantHttp.OrderFor(tenants[t], Interlocked.Increment(ref sequence)));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    lock (acknowledged[t])
                    {
                        acknowledged[t].Add(JsonNode.Parse(body)!["id"]!.GetValue<string>());
                    }
                }
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref unavailable);
                    await Task.Delay(100);
                }
                else
                {
                    lock (unexpected)
                    {
                        unexpected.Add($"{(int)response.StatusCode} {body}");
                    }
                }
            }
        }

        long Acknowledged() => acknowledged.Sum(a => { lock (a) { return (long)a.Count; } });

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() => WriteAsync(w))).ToArray();
        await WaitForAsync(() => Acknowledged() >= 20);
        await _fixture.Cloud.RestartDynamoDbLocalAsync(TimeSpan.FromSeconds(1));
        var afterRestart = Acknowledged();
        await WaitForAsync(() => Acknowledged() >= afterRestart + 20);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        _output.WriteLine($"acknowledged when DynamoDB Local was back {afterRestart}, in total {Acknowledged()}, 503 answers {Interlocked.Read(ref unavailable)}, other answers {unexpected.Count}");
        Assert.True(unexpected.Count == 0, string.Join('\n', unexpected.Take(5)));
        Assert.True(Interlocked.Read(ref unavailable) > 0, "no request saw the outage");
        for (var t = 0; t < tenants.Length; t++)
        {
            var listed = await http.ListAllIdsAsync(tenants[t]);
            Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
            Assert.Empty(acknowledged[t].Except(listed, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Jwks_down_on_a_cold_start_fails_closed_and_the_api_recovers_when_it_returns()
    {
        var tenant = await _fixture.OnboardFreshAsync("jwks", TenantTier.Basic, TenancyModel.Pool);
        _fixture.Cloud.Faults.Set("cognito-idp", LocalFaultKind.Unavailable, "Jwks");
        await using var api = await _fixture.StartApiAsync();
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            using var refused = await http.SendAsync(HttpMethod.Get, "/orders", tenant.AccessToken);
            await Problems.AssertAsync(refused, HttpStatusCode.Unauthorized, "unauthenticated");
        }
        finally
        {
            _fixture.Cloud.Faults.Clear("cognito-idp", "Jwks");
        }

        var (served, attempts) = await Recovery.UntilAsync(() => http.SendAsync(HttpMethod.Get, "/orders", tenant.AccessToken), HttpStatusCode.OK);
        _output.WriteLine($"JWKS back: served again on attempt {attempts}");
        using (served)
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }
    }

    [Fact]
    public async Task A_rotated_signing_key_is_picked_up_without_a_restart()
    {
        using var http = await SharedClientAsync();
        var tenant = await _fixture.OnboardFreshAsync("rotate", TenantTier.Basic, TenancyModel.Pool);
        using (var before = await http.SendAsync(HttpMethod.Get, "/orders", tenant.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var newKeyId = _fixture.Cloud.Issuer.RotateSigningKey();
        var rotated = _fixture.Cloud.Issuer.SignIn(tenant.Onboarded.Username, tenant.Onboarded.Password)!.Value.AccessToken;
        Assert.Contains(newKeyId, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(PadBase64(rotated.Split('.')[0]))), StringComparison.Ordinal);

        var (served, _) = await Recovery.UntilAsync(() => http.SendAsync(HttpMethod.Get, "/orders", rotated), HttpStatusCode.OK);
        using (served)
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }

        using var old = await http.SendAsync(HttpMethod.Get, "/orders", tenant.AccessToken);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    [Theory]
    [InlineData("exp", -10, HttpStatusCode.OK)]
    [InlineData("exp", -90, HttpStatusCode.Unauthorized)]
    [InlineData("nbf", 10, HttpStatusCode.OK)]
    [InlineData("nbf", 90, HttpStatusCode.Unauthorized)]
    public async Task Clock_skew_is_tolerated_up_to_the_documented_limit_and_no_further(string claim, int offsetSeconds, HttpStatusCode expected)
    {
        using var http = await SharedClientAsync();
        var tenant = await _fixture.OnboardFreshAsync("skew", TenantTier.Basic, TenancyModel.Pool);
        var at = DateTimeOffset.UtcNow.AddSeconds(offsetSeconds).ToUnixTimeSeconds();
        var token = _fixture.Cloud.Issuer.MintToken(tenant.Onboarded.Username, TokenUse.Access, editClaims: claims => claims[claim] = at);

        using var response = await http.SendAsync(HttpMethod.Get, "/orders", token);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            await Problems.AssertAsync(response, expected, "unauthenticated");
        }
    }

    private async Task<HttpClient> SharedClientAsync()
    {
        var api = await _fixture.SharedApiAsync();
        return new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        // Bounded by iterations; the pace of the machine decides how long it takes, no time is asserted.
        for (var i = 0; i < 2400 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "the writers made no progress");
    }

    private static string PadBase64(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }
}
