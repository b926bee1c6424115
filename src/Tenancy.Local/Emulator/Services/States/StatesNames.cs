using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.States;

/// <summary>Step Functions' rules for execution names and the ARNs its operations take, failing like the service.</summary>
public static class StatesNames
{
    private static readonly string StateMachinePrefix = $"arn:{LocalAccount.Partition}:states:{LocalAccount.Region}:{LocalAccount.Id}:stateMachine:";
    private static readonly string ExecutionPrefix = $"arn:{LocalAccount.Partition}:states:{LocalAccount.Region}:{LocalAccount.Id}:execution:";

    // Characters Step Functions refuses in names (whitespace, brackets, wildcards, punctuation used in ARNs and URLs).
    private const string Forbidden = "<>{}[]?*\"#%\\^|~`$&,;:/";

    public static void EnsureValidName(string name)
    {
        if (name.Length is < 1 or > 80 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || Forbidden.Contains(c, StringComparison.Ordinal)))
        {
            throw AwsServiceException.ClientError("InvalidName", $"Invalid Name: '{name}'");
        }
    }

    public static void EnsureStateMachineArn(string? arn)
    {
        if (arn is null || !arn.StartsWith(StateMachinePrefix, StringComparison.Ordinal) || arn.Length == StateMachinePrefix.Length || arn[StateMachinePrefix.Length..].Contains(':', StringComparison.Ordinal))
        {
            throw AwsServiceException.ClientError("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {arn}'");
        }
    }

    public static void EnsureExecutionArn(string? arn)
    {
        if (arn is null || !arn.StartsWith(ExecutionPrefix, StringComparison.Ordinal) || arn[ExecutionPrefix.Length..].Split(':') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            throw AwsServiceException.ClientError("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {arn}'");
        }
    }
}
