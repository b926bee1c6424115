using System.Text.Json.Nodes;

namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>
/// The local implementation of one service's <c>arn:aws:states:::aws-sdk:&lt;service&gt;:&lt;action&gt;</c> tasks:
/// PascalCase parameters in, PascalCase result out, errors named <c>&lt;Prefix&gt;.&lt;ErrorName&gt;</c>.
/// </summary>
public interface IAwsSdkTaskHandler
{
    /// <summary>The service segment of the resource ARN (<c>kms</c>, <c>dynamodb</c>, <c>cognitoidentityprovider</c>…).</summary>
    string Service { get; }

    Task<StateMachineTaskOutcome> HandleAsync(string action, JsonNode? parameters, CancellationToken cancellationToken);
}
