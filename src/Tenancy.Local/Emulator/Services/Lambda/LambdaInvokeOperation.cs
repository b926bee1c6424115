using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.Lambda;

/// <summary>An Invoke request: the function (by logical id), its ARN, and how it is invoked (RequestResponse, Event or DryRun).</summary>
public sealed record LambdaInvokeOperation(string FunctionName, string FunctionArn, string InvocationType) : LocalOperation("Invoke");
