using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Tenancy.Isolation;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Processes;
using Tenancy.Local.Emulator.Services.Identity;

namespace Tenancy.Local.Tests.Cloud;

/// <summary>
/// AssumeRoleWithWebIdentity against a copy of template.yaml whose TenantDataRole also trusts the local issuer
/// (the real template trusts only the API role, so there it must be denied).
/// </summary>
public sealed class WebIdentityTests : IClassFixture<WebIdentityTests.TrustingCloud>
{
    private readonly LocalCloud _cloud;
    private readonly OnboardedTenant _acme;

    public WebIdentityTests(TrustingCloud fixture)
    {
        _cloud = fixture.Cloud;
        _acme = fixture.Acme;
    }

    /// <summary>One local cloud for the class, started from the modified template.</summary>
    public sealed class TrustingCloud : IAsyncLifetime
    {
        private string _templateDirectory = string.Empty;
        private string _templatePath = string.Empty;

        public LocalCloud Cloud { get; private set; } = null!;

        public OnboardedTenant Acme { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var port = LoopbackPorts.Free();
            var issuerOptions = new LocalIssuerOptions();
            var provider = $"127.0.0.1:{port}/{issuerOptions.UserPoolId}";
            var original = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find()!, "template.yaml"));
            const string anchor = "                aws:RequestTag/TenantID: '?*'\n";
            Assert.Contains(anchor, original, StringComparison.Ordinal);
            var webIdentityTrust = anchor + $"""
                          - Sid: LocalIssuerWebIdentity
                            Effect: Allow
                            Principal: {"{"} Federated: 'arn:aws:iam::000000000000:oidc-provider/{provider}' {"}"}
                            Action: [sts:AssumeRoleWithWebIdentity, sts:TagSession]
                            Condition:
                              StringEquals:
                                '{provider}:aud': {issuerOptions.ClientId}

                """;
            // The changed template gets a directory of its own, with the state machine definitions it names beside it.
            _templateDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"tenancy-webidentity-{Guid.NewGuid():N}")).FullName;
            Directory.CreateSymbolicLink(Path.Combine(_templateDirectory, "statemachines"), Path.Combine(RepositoryRoot.Find()!, "statemachines"));
            _templatePath = Path.Combine(_templateDirectory, "template.yaml");
            await File.WriteAllTextAsync(_templatePath, original.Replace(anchor, webIdentityTrust, StringComparison.Ordinal));
            Cloud = await LocalCloud.StartAsync(new LocalCloudOptions { Port = port, TemplatePath = _templatePath, Issuer = issuerOptions });
            Acme = await Cloud.OnboardTenantAsync("acme", "Acme", TenantTier.Basic, TenancyModel.Pool);
        }

        public async Task DisposeAsync()
        {
            await Cloud.DisposeAsync();
            Directory.Delete(_templateDirectory, recursive: true);
        }
    }

    private AmazonSecurityTokenServiceClient AnonymousSts() => _cloud.CreateStsClient(new AnonymousAWSCredentials());

    private AssumeRoleWithWebIdentityRequest Request(string token) => new()
    {
        RoleArn = _cloud.TenantDataRoleArn,
        RoleSessionName = "web-acme",
        WebIdentityToken = token,
        DurationSeconds = 900,
    };

    [Fact]
    public async Task Tags_come_from_the_token_and_scope_the_session()
    {
        var (idToken, _) = _cloud.Issuer.SignIn(_acme.Username, _acme.Password)!.Value;
        using var sts = AnonymousSts();
        var response = await sts.AssumeRoleWithWebIdentityAsync(Request(idToken));
        Assert.Equal(_cloud.Issuer.ProviderName, response.Provider);
        Assert.Equal(_cloud.Issuer.ClientId, response.Audience);

        var session = Assert.Single(_cloud.Sessions, s => s.AccessKeyId == response.Credentials.AccessKeyId);
        Assert.Equal("AssumeRoleWithWebIdentity", session.Action);
        Assert.Equal("acme", session.Tags["TenantID"]);
        Assert.Equal(["TenantID"], session.TransitiveTagKeys);

        using var db = _cloud.CreateDynamoDbClient(new SessionAWSCredentials(response.Credentials.AccessKeyId, response.Credentials.SecretAccessKey, response.Credentials.SessionToken));
        var key = new Dictionary<string, AttributeValue> { ["PK"] = new() { S = "TENANT#acme" }, ["SK"] = new() { S = "A" } };
        await db.PutItemAsync(new PutItemRequest { TableName = "AppData", Item = key });
        key["PK"] = new AttributeValue { S = "TENANT#globex" };
        var ex = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => db.GetItemAsync(new GetItemRequest { TableName = "AppData", Key = key }));
        Assert.Equal("AccessDeniedException", ex.ErrorCode);
    }

    [Theory]
    [InlineData(TokenDefect.TamperedTenant, "InvalidIdentityToken")]
    [InlineData(TokenDefect.AlgNone, "InvalidIdentityToken")]
    [InlineData(TokenDefect.UnknownKey, "InvalidIdentityToken")]
    [InlineData(TokenDefect.WrongIssuer, "InvalidIdentityToken")]
    [InlineData(TokenDefect.WrongAudience, "InvalidIdentityToken")]
    [InlineData(TokenDefect.Expired, "ExpiredTokenException")]
    public async Task Bad_web_identity_tokens_are_refused(TokenDefect defect, string errorCode)
    {
        using var sts = AnonymousSts();
        var token = _cloud.Issuer.MintToken(_acme.Username, TokenUse.Id, defect, tamperedTenantId: "globex");
        var ex = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleWithWebIdentityAsync(Request(token)));
        Assert.Equal(errorCode, ex.ErrorCode);
    }
}
