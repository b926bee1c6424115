using Tenancy.Local.Emulator.Services.ApiGateway;
using Tenancy.Local.Emulator.Services.CognitoIdp;
using Tenancy.Local.Emulator.Services.DynamoDb;
using Tenancy.Local.Emulator.Services.Events;

namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>
/// Composes the Task dispatcher of a running local cloud: Lambda tasks to its function invoker (the real AOT
/// bootstraps), each <c>aws-sdk</c> service to the handler over the same store its wire endpoint serves.
/// </summary>
public static class LocalWorkflowTasks
{
    /// <summary>Who the event bus records as the sender of a workflow's events: the Step Functions service.</summary>
    public const string StepFunctionsPrincipal = "states.amazonaws.com";

    public static IStateMachineTaskDispatcher Create(LocalCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        return new LocalTaskDispatcher(
            cloud.FunctionInvoker,
            [
                new KmsTaskHandler(cloud.KmsKeys, cloud.Time),
                new CognitoTaskHandler(cloud.UserPool, cloud.Time),
                new ApiGatewayTaskHandler(cloud.ApiGateway, cloud.Time),
                new DynamoDbTaskHandler(cloud.DynamoDbLocalEndpoint, cloud.DynamoDbLocalHttp),
                new EventBridgeTaskHandler(cloud.Events, cloud.Time, StepFunctionsPrincipal),
            ]);
    }
}
