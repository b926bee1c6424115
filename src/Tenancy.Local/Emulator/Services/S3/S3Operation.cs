using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.S3;

/// <summary>A parsed S3 request: the operation and its bucket and key.</summary>
public sealed record S3Operation(string Name, S3Target Target) : LocalOperation(Name);
