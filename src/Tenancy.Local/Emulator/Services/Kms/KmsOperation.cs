using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.Kms;

/// <summary>A KMS operation and its JSON 1.1 request body.</summary>
public sealed record KmsOperation(string Name, KmsRequest Request) : LocalOperation(Name);
