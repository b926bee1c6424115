namespace Tenancy.Lambda.Runtime;

/// <summary>Header names of the Lambda Runtime API (2018-06-01 plus the tenant-id and invocation-id additions).</summary>
public static class RuntimeApiHeaders
{
    /// <summary>The invocation's request id.</summary>
    public const string AwsRequestId = "Lambda-Runtime-Aws-Request-Id";
    /// <summary>The invocation's deadline in Unix milliseconds.</summary>
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    /// <summary>The ARN the function was invoked with, including any alias or version.</summary>
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    /// <summary>The X-Ray trace header of the invocation.</summary>
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    /// <summary>Client context JSON sent by mobile SDKs.</summary>
    public const string ClientContext = "Lambda-Runtime-Client-Context";
    /// <summary>Cognito identity JSON sent by mobile SDKs.</summary>
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";
    /// <summary>The tenant id, when the function runs in tenant isolation mode.</summary>
    public const string TenantId = "Lambda-Runtime-Aws-Tenant-Id";
    /// <summary>The invocation id, echoed back on the response when present.</summary>
    public const string InvocationId = "Lambda-Runtime-Invocation-Id";
    /// <summary>The error category sent with <c>/error</c> and <c>/init/error</c>.</summary>
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    /// <summary>Content type of the error payload on <c>/error</c> and <c>/init/error</c>.</summary>
    public const string ErrorContentType = "application/vnd.aws.lambda.error+json";

    /// <summary>The environment variable the runtime exports the trace header to, as the custom-runtime docs require.</summary>
    public const string TraceIdEnvironmentVariable = "_X_AMZN_TRACE_ID";
}
