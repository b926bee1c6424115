using Tenancy.Local.Emulator.Services.ApiGateway;
using Tenancy.Local.Emulator.Services.CognitoIdp;
using Tenancy.Local.Emulator.Services.Identity;
using Tenancy.Local.Functions;

namespace Tenancy.Local.Emulator;

/// <summary>How to start the local cloud. Everything has a working default; ports 0 mean "pick a free one".</summary>
public sealed class LocalCloudOptions
{
    /// <summary>The port serving STS, KMS, the DynamoDB front and the issuer (0 = free port).</summary>
    public int Port { get; set; }

    /// <summary>The port of DynamoDB Local itself, which only the front talks to (0 = free port).</summary>
    public int DynamoDbLocalPort { get; set; }

    /// <summary>The template whose tables and IAM roles the local cloud reproduces; default: <c>template.yaml</c> at the repository root.</summary>
    public string? TemplatePath { get; set; }

    /// <summary>Template parameter values that replace the defaults.</summary>
    public IDictionary<string, string> TemplateParameters { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public LocalIssuerOptions Issuer { get; set; } = new();

    /// <summary>The clock for session expiry, token times and SigV4 skew; tests can substitute one to move time.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where DynamoDB Local keeps its database; null (the default) keeps it in memory. Set it when a test restarts
    /// DynamoDB Local (<see cref="LocalCloud.RestartDynamoDbLocalAsync"/>) and expects the data to survive.
    /// </summary>
    public string? DynamoDbDataDirectory { get; set; }

    /// <summary>Create the template's tables in DynamoDB Local on start.</summary>
    public bool CreateTables { get; set; } = true;

    /// <summary>
    /// The user pool's schema and trigger. Null (the default): the template's <c>AWS::Cognito::UserPool</c>, or
    /// <see cref="UserPoolOptions"/>' defaults when the template has none; set: this pool, whatever the template says.
    /// </summary>
    public UserPoolOptions? UserPool { get; set; }

    /// <summary>The usage plans to seed when the template declares no <c>AWS::ApiGateway::UsagePlan</c>.</summary>
    public IList<UsagePlanOptions> UsagePlans { get; } = [.. UsagePlanOptions.Defaults];

    /// <summary>
    /// Answers every function invocation a service makes (pre-token trigger, state machine Lambda tasks, Lambda Invoke)
    /// in place of the template's functions: tests that script a function. Wins over <see cref="TemplateFunctions"/>.
    /// </summary>
    public ILocalFunctionInvoker? FunctionInvoker { get; set; }

    /// <summary>
    /// Run the template's own functions wherever a service invokes one: their published Native-AOT bootstraps through
    /// a local Runtime API, each with its execution role's credentials. Null (the default): no function runs.
    /// </summary>
    public LocalTemplateFunctionsOptions? TemplateFunctions { get; set; }
}
