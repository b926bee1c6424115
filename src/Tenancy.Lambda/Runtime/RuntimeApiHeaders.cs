namespace Tenancy.Lambda.Runtime;

/// <summary>Header names of the Lambda Runtime API (2018-06-01 plus the tenant-id and invocation-id additions).</summary>
public static class RuntimeApiHeaders
{
    public const string AwsRequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string ClientContext = "Lambda-Runtime-Client-Context";
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";
    public const string TenantId = "Lambda-Runtime-Aws-Tenant-Id";
    public const string InvocationId = "Lambda-Runtime-Invocation-Id";
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    /// <summary>Content type of the error payload on <c>/error</c> and <c>/init/error</c>.</summary>
    public const string ErrorContentType = "application/vnd.aws.lambda.error+json";

    /// <summary>The environment variable the runtime exports the trace header to, as the custom-runtime docs require.</summary>
    public const string TraceIdEnvironmentVariable = "_X_AMZN_TRACE_ID";
}
