namespace Tenancy.Lambda;

/// <summary>The function's static settings, read once from the environment Lambda sets for the runtime.</summary>
public sealed record LambdaFunctionSettings(
    string FunctionName,
    string FunctionVersion,
    int MemoryLimitInMB,
    string LogGroupName,
    string LogStreamName,
    string? Region)
{
    /// <summary>Reads the <c>AWS_LAMBDA_FUNCTION_*</c>, <c>AWS_LAMBDA_LOG_*</c> and <c>AWS_REGION</c> variables Lambda sets.</summary>
    public static LambdaFunctionSettings FromEnvironment()
    {
        static string Read(string name) => Environment.GetEnvironmentVariable(name) ?? string.Empty;

        _ = int.TryParse(Read("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var memory);
        var region = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        return new LambdaFunctionSettings(
            Read("AWS_LAMBDA_FUNCTION_NAME"),
            Read("AWS_LAMBDA_FUNCTION_VERSION"),
            memory,
            Read("AWS_LAMBDA_LOG_GROUP_NAME"),
            Read("AWS_LAMBDA_LOG_STREAM_NAME"),
            region);
    }
}
