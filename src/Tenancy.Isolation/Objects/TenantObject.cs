namespace Tenancy.Isolation.Objects;

/// <summary>One object read back: its name, content type and (decrypted) content.</summary>
public sealed record TenantObject(string Name, string ContentType, ReadOnlyMemory<byte> Content, string ETag);
