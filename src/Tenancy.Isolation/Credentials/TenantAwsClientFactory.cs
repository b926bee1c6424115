using Amazon;
using Amazon.DynamoDBv2;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Tenancy.Isolation.Usage;

namespace Tenancy.Isolation.Credentials;

/// <summary>
/// Builds SDK clients: the tenant's DynamoDB, KMS and S3 clients from vended credentials only, and the STS client
/// from the function's own credentials (the only client that ever uses them). Region and endpoints come from the
/// options or, when unset, from the SDK's standard resolution (<c>AWS_REGION</c>, <c>AWS_ENDPOINT_URL_*</c>).
/// </summary>
internal sealed class TenantAwsClientFactory(TenantCredentialOptions options)
{
    public TenantClients CreateTenantClients(TenantId tenantId, AWSCredentials vendedCredentials) =>
        new(
            tenantId,
            CreateDynamoDbClient(vendedCredentials),
            new AmazonKeyManagementServiceClient(vendedCredentials, Configure(new AmazonKeyManagementServiceConfig(), options.KmsServiceUrl)),
            new AmazonS3Client(vendedCredentials, ConfigureS3()));

    private AmazonDynamoDBClient CreateDynamoDbClient(AWSCredentials vendedCredentials)
    {
        var client = new AmazonDynamoDBClient(vendedCredentials, Configure(new AmazonDynamoDBConfig(), options.DynamoDbServiceUrl));
        DynamoDbUsageObserver.Attach(client);
        return client;
    }

    public IAmazonSecurityTokenService CreateStsClient()
    {
        var config = Configure(new AmazonSecurityTokenServiceConfig(), options.StsServiceUrl);
        return options.Mode == CredentialVendingMode.AssumeRoleWithWebIdentity
            ? new AmazonSecurityTokenServiceClient(new AnonymousAWSCredentials(), config)
            : new AmazonSecurityTokenServiceClient(config);
    }

    private AmazonS3Config ConfigureS3()
    {
        var config = Configure(new AmazonS3Config(), options.S3ServiceUrl);
        if (options.S3ServiceUrl is not null)
        {
            config.ForcePathStyle = true;
        }

        return config;
    }

    private T Configure<T>(T config, string? serviceUrl)
        where T : ClientConfig
    {
        if (options.Region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        if (serviceUrl is not null)
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = options.Region ?? "us-east-1";
        }

        return config;
    }
}
