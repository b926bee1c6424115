using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Time.Testing;
using Tenancy.Isolation;
using Tenancy.Local.Emulator;

namespace Tenancy.Local.Tests.Cloud;

[Collection(LocalCloudCollection.Name)]
public sealed class StsTests
{
    private readonly LocalCloudFixture _fixture;

    public StsTests(LocalCloudFixture fixture)
    {
        _fixture = fixture;
    }

    private AmazonSecurityTokenServiceClient ApiSts() => _fixture.Cloud.CreateStsClient(_fixture.Cloud.ApiCredentials.ToAwsCredentials());

    private AssumeRoleRequest TenantRequest(string tenantId) => new()
    {
        RoleArn = _fixture.Cloud.TenantDataRoleArn,
        RoleSessionName = $"tenant-{tenantId}-sess",
        DurationSeconds = 900,
        Tags = [new Tag { Key = "TenantID", Value = tenantId }, new Tag { Key = "TenantTier", Value = "Basic" }],
        TransitiveTagKeys = ["TenantID"],
        SourceIdentity = "user-123",
    };

    [Fact]
    public async Task AssumeRole_records_tags_source_identity_and_expiry()
    {
        using var sts = ApiSts();
        var before = DateTime.UtcNow;
        var response = await sts.AssumeRoleAsync(TenantRequest("acme"));

        Assert.StartsWith("ASIA", response.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal(40, response.Credentials.SecretAccessKey.Length);
        Assert.False(string.IsNullOrEmpty(response.Credentials.SessionToken));
        Assert.InRange(response.Credentials.Expiration!.Value.ToUniversalTime(), before.AddSeconds(890), before.AddSeconds(910));
        Assert.Equal($"arn:aws:sts::000000000000:assumed-role/TenantDataRole/tenant-acme-sess", response.AssumedRoleUser.Arn);
        Assert.Equal("user-123", response.SourceIdentity);

        var session = Assert.Single(_fixture.Cloud.Sessions, s => s.AccessKeyId == response.Credentials.AccessKeyId);
        Assert.Equal("acme", session.Tags["TenantID"]);
        Assert.Equal("Basic", session.Tags["TenantTier"]);
        Assert.Equal(["TenantID"], session.TransitiveTagKeys);
        Assert.Equal("user-123", session.SourceIdentity);
        Assert.Equal(_fixture.Cloud.TenantDataRoleArn, session.RoleArn);
        Assert.Equal(TimeSpan.FromSeconds(900), session.Expiration - session.IssuedAt);

        using var asTenant = _fixture.Cloud.CreateStsClient(new SessionAWSCredentials(response.Credentials.AccessKeyId, response.Credentials.SecretAccessKey, response.Credentials.SessionToken));
        var identity = await asTenant.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal(response.AssumedRoleUser.Arn, identity.Arn);
        Assert.Equal("000000000000", identity.Account);
    }

    [Fact]
    public async Task AssumeRole_counts_calls_per_action_and_tenant()
    {
        using var sts = ApiSts();
        var before = _fixture.Cloud.Counters.Sts("AssumeRole", "counted-tenant");
        await sts.AssumeRoleAsync(TenantRequest("counted-tenant"));
        await sts.AssumeRoleAsync(TenantRequest("counted-tenant"));
        Assert.Equal(before + 2, _fixture.Cloud.Counters.Sts("AssumeRole", "counted-tenant"));
    }

    [Fact]
    public async Task AssumeRole_without_the_TenantID_tag_is_denied_by_the_trust_policy()
    {
        using var sts = ApiSts();
        var request = TenantRequest("acme");
        request.Tags = [new Tag { Key = "Other", Value = "x" }];
        request.TransitiveTagKeys = [];
        var ex = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(request));
        Assert.Equal("AccessDenied", ex.ErrorCode);
        Assert.Contains("is not authorized to perform: sts:AssumeRole", ex.Message, StringComparison.Ordinal);

        request.Tags = [new Tag { Key = "TenantID", Value = string.Empty }];
        ex = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(request));
        Assert.Equal("AccessDenied", ex.ErrorCode);
    }

    [Fact]
    public async Task Only_the_api_principal_may_assume_the_tenant_role()
    {
        using var admin = _fixture.Cloud.CreateStsClient(_fixture.Cloud.AdminCredentials.ToAwsCredentials());
        var ex = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => admin.AssumeRoleAsync(TenantRequest("acme")));
        Assert.Equal("AccessDenied", ex.ErrorCode);

        // A tenant session cannot chain into another tenant's session.
        using var tenant = _fixture.Cloud.CreateStsClient(await _fixture.TenantCredentialsAsync("acme"));
        ex = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => tenant.AssumeRoleAsync(TenantRequest("globex")));
        Assert.Equal("AccessDenied", ex.ErrorCode);

        using var api = ApiSts();
        var request = TenantRequest("acme");
        request.RoleArn = "arn:aws:iam::000000000000:role/NoSuchRole";
        ex = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => api.AssumeRoleAsync(request));
        Assert.Equal("AccessDenied", ex.ErrorCode);
    }

    [Theory]
    [InlineData(899)]
    [InlineData(3601)]
    [InlineData(43201)]
    public async Task AssumeRole_rejects_durations_outside_the_role_limits(int seconds)
    {
        using var sts = ApiSts();
        var request = TenantRequest("acme");
        request.DurationSeconds = seconds;
        var ex = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(request));
        Assert.Equal("ValidationError", ex.ErrorCode);
    }

    [Fact]
    public async Task AssumeRole_validates_tags_like_aws()
    {
        using var sts = ApiSts();
        var tooMany = TenantRequest("acme");
        tooMany.Tags = [.. tooMany.Tags, .. Enumerable.Range(0, 49).Select(i => new Tag { Key = $"k{i}", Value = "v" })];
        Assert.Equal("ValidationError", (await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(tooMany))).ErrorCode);

        var duplicate = TenantRequest("acme");
        duplicate.Tags = [.. duplicate.Tags, new Tag { Key = "tenantid", Value = "globex" }];
        Assert.Equal("InvalidParameterValue", (await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(duplicate))).ErrorCode);

        var badTransitive = TenantRequest("acme");
        badTransitive.TransitiveTagKeys = ["NotATag"];
        Assert.Equal("InvalidParameterValue", (await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(badTransitive))).ErrorCode);

        var badKey = TenantRequest("acme");
        badKey.Tags = [.. badKey.Tags, new Tag { Key = string.Concat("bad", "*key"), Value = "v" }];
        Assert.Equal("ValidationError", (await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(badKey))).ErrorCode);

        var longValue = TenantRequest("acme");
        longValue.Tags = [.. longValue.Tags, new Tag { Key = "Long", Value = new string('v', 257) }];
        Assert.Equal("ValidationError", (await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(longValue))).ErrorCode);

        // Built at run time: the SDK's analyzer rejects these literals at compile time, the server must reject them too.
        var badSession = TenantRequest("acme");
        badSession.RoleSessionName = string.Concat("has", " space");
        Assert.Equal("ValidationError", (await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(badSession))).ErrorCode);
    }

    [Fact]
    public async Task Unknown_keys_and_wrong_secrets_are_rejected()
    {
        using var unknown = _fixture.Cloud.CreateStsClient(new BasicAWSCredentials("AKIAUNKNOWNUNKNOWN00", "secret"));
        var ex = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => unknown.GetCallerIdentityAsync(new GetCallerIdentityRequest()));
        Assert.Equal("InvalidClientTokenId", ex.ErrorCode);

        using var wrongSecret = _fixture.Cloud.CreateStsClient(new BasicAWSCredentials(_fixture.Cloud.ApiCredentials.AccessKeyId, "not-the-secret"));
        ex = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => wrongSecret.AssumeRoleAsync(TenantRequest("acme")));
        Assert.Equal("SignatureDoesNotMatch", ex.ErrorCode);
    }

    [Fact]
    public async Task Expired_sessions_are_rejected()
    {
        // A cloud of its own: its clock moves 15 minutes on, which would put the shared cloud's session and token
        // times ahead of the SDK's real signing clock for every later test.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { TimeProvider = clock });
        await cloud.OnboardTenantAsync("acme", "Acme", TenantTier.Basic, TenancyModel.Pool);
        var credentials = await LocalCloudFixture.TenantCredentialsAsync(cloud, "acme", 900);
        using var sts = cloud.CreateStsClient(credentials);
        await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        clock.Advance(TimeSpan.FromSeconds(901));

        var ex = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));
        Assert.Equal("ExpiredToken", ex.ErrorCode);
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_is_denied_by_the_real_template_which_trusts_only_the_api_role()
    {
        var (idToken, _) = _fixture.Cloud.Issuer.SignIn(_fixture.Acme.Username, _fixture.Acme.Password)!.Value;
        using var sts = _fixture.Cloud.CreateStsClient(new AnonymousAWSCredentials());
        var ex = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest
        {
            RoleArn = _fixture.Cloud.TenantDataRoleArn,
            RoleSessionName = "web-acme",
            WebIdentityToken = idToken,
        }));
        Assert.Equal("AccessDenied", ex.ErrorCode);
    }
}
