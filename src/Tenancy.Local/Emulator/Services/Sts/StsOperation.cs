using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.Sts;

/// <summary>An STS action and its awsQuery parameters (query string and form body).</summary>
public sealed record StsOperation(string Name, StsParameters Parameters) : LocalOperation(Name);
