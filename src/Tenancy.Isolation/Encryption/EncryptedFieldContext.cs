namespace Tenancy.Isolation.Encryption;

/// <summary>What an encrypted attribute value is bound to: tenant, table, the item's keys and the attribute name.</summary>
public readonly record struct EncryptedFieldContext(TenantId TenantId, string TableName, string PartitionKey, string SortKey, string AttributeName);
