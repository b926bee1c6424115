using System.Text;
using Tenancy.Local.Emulator;

namespace Tenancy.Local.Run;

/// <summary>What the local run prints: endpoints, the environment for the API, the demo tenants and ready-to-paste commands.</summary>
public static class LocalCloudBanner
{
    public static string Describe(LocalCloud cloud, IReadOnlyList<OnboardedTenant> tenants)
    {
        var endpoint = cloud.Endpoint.ToString().TrimEnd('/');
        var api = cloud.ApiCredentials;
        var text = new StringBuilder();
        text.AppendLine("Tenancy local cloud is running (Ctrl+C stops it and DynamoDB Local).");
        text.AppendLine();
        text.AppendLine($"  STS, KMS and DynamoDB (IAM enforced): {endpoint}");
        text.AppendLine($"  DynamoDB Local itself (no IAM):       {cloud.DynamoDbLocalEndpoint.ToString().TrimEnd('/')}");
        text.AppendLine($"  Issuer (OIDC authority):              {cloud.Issuer.IssuerUrl}");
        text.AppendLine($"  JWKS:                                 {cloud.Issuer.JwksUrl}");
        text.AppendLine($"  User pool / app client:               {cloud.Issuer.UserPoolId} / {cloud.Issuer.ClientId}");
        text.AppendLine($"  Tenant data role:                     {cloud.TenantDataRoleArn}");
        text.AppendLine($"  Tables:                               {cloud.AppDataTableName}, {cloud.TenantRegistryTableName}");
        text.AppendLine();
        text.AppendLine("Environment for the API process (the API function's own credentials: registry read + AssumeRole only):");
        foreach (var (name, value) in cloud.EnvironmentVariables(api))
        {
            text.AppendLine($"  export {name}={value}");
        }

        text.AppendLine();
        text.AppendLine("Demo tenants:");
        foreach (var tenant in tenants)
        {
            text.AppendLine($"  {tenant.TenantId.Value,-8} {tenant.Tier,-8} {tenant.Placement.Model,-5} table {tenant.Placement.TableName,-14} key {tenant.Placement.KmsKeyId,-22} user {tenant.Username} / {tenant.Password}");
        }

        var first = tenants[0];
        var other = tenants.Count > 1 ? tenants[1] : tenants[0];
        text.AppendLine();
        text.AppendLine($"Sign in as {first.Username} (the pre-token trigger adds custom:tenantID={first.TenantId.Value} to the access token):");
        text.AppendLine($"  aws --endpoint-url {endpoint} --region {cloud.Region} --no-sign-request cognito-idp initiate-auth --client-id {cloud.UserPool.ClientId} --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME={first.Username},PASSWORD={first.Password}");
        text.AppendLine();
        text.AppendLine($"Narrow the API principal to tenant {first.TenantId.Value} (aws cli), then use those credentials:");
        text.AppendLine($"  export AWS_ACCESS_KEY_ID={api.AccessKeyId} AWS_SECRET_ACCESS_KEY={api.SecretAccessKey} AWS_DEFAULT_REGION={cloud.Region}");
        text.AppendLine($"  eval $(aws --endpoint-url {endpoint} sts assume-role --role-arn {cloud.TenantDataRoleArn} --role-session-name {first.TenantId.Value}-demo \\");
        text.AppendLine($"      --tags Key=TenantID,Value={first.TenantId.Value} --transitive-tag-keys TenantID \\");
        text.AppendLine("      --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text \\");
        text.AppendLine("      | awk '{print \"export AWS_ACCESS_KEY_ID=\"$1\" AWS_SECRET_ACCESS_KEY=\"$2\" AWS_SESSION_TOKEN=\"$3}')");
        text.AppendLine($"  aws --endpoint-url {endpoint} dynamodb put-item --table-name {first.Placement.TableName} --item '{{\"PK\":{{\"S\":\"TENANT#{first.TenantId.Value}\"}},\"SK\":{{\"S\":\"NOTE#1\"}}}}'    # allowed");
        text.AppendLine($"  aws --endpoint-url {endpoint} dynamodb get-item --table-name {first.Placement.TableName} --key '{{\"PK\":{{\"S\":\"TENANT#{first.TenantId.Value}\"}},\"SK\":{{\"S\":\"NOTE#1\"}}}}'     # allowed");
        text.AppendLine($"  aws --endpoint-url {endpoint} dynamodb get-item --table-name {first.Placement.TableName} --key '{{\"PK\":{{\"S\":\"TENANT#{other.TenantId.Value}\"}},\"SK\":{{\"S\":\"NOTE#1\"}}}}'   # AccessDeniedException: partition of another tenant");
        text.AppendLine($"  aws --endpoint-url {endpoint} dynamodb get-item --table-name {other.Placement.TableName} --key '{{\"PK\":{{\"S\":\"TENANT#{other.TenantId.Value}\"}},\"SK\":{{\"S\":\"NOTE#1\"}}}}'   # AccessDeniedException: table of another tenant");
        text.AppendLine($"  aws --endpoint-url {endpoint} dynamodb scan --table-name {first.Placement.TableName}    # AccessDeniedException: no leading keys");
        text.AppendLine($"  aws --endpoint-url {endpoint} kms generate-data-key --key-id {first.Placement.KmsKeyId} --key-spec AES_256 --encryption-context tenant={first.TenantId.Value}    # allowed");
        text.AppendLine($"  aws --endpoint-url {endpoint} kms generate-data-key --key-id {other.Placement.KmsKeyId} --key-spec AES_256 --encryption-context tenant={other.TenantId.Value}  # AccessDeniedException: key of another tenant");
        return text.ToString();
    }
}
