namespace Tenancy.Local.Emulator;

/// <summary>The fixed account, region and partition the local cloud pretends to be.</summary>
public static class LocalAccount
{
    public const string Id = "000000000000";
    public const string Region = "us-east-1";
    public const string Partition = "aws";

    public static string RoleArn(string roleName) => $"arn:{Partition}:iam::{Id}:role/{roleName}";

    public static string AssumedRoleArn(string roleName, string sessionName) => $"arn:{Partition}:sts::{Id}:assumed-role/{roleName}/{sessionName}";

    public static string TableArn(string tableName) => $"arn:{Partition}:dynamodb:{Region}:{Id}:table/{tableName}";

    public static string KeyArn(string keyId) => $"arn:{Partition}:kms:{Region}:{Id}:key/{keyId}";

    public static string AliasArn(string aliasName) => $"arn:{Partition}:kms:{Region}:{Id}:{aliasName}";
}
