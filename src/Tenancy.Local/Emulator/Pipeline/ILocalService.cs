using Tenancy.Local.Emulator.Protocol;

namespace Tenancy.Local.Emulator.Pipeline;

/// <summary>
/// One emulated service behind the <see cref="LocalRequestPipeline"/>. The pipeline counts the request, verifies
/// SigV4 when the operation needs it, asks the service to parse it, runs the operation's IAM checks, dispatches it,
/// and writes any <see cref="AwsServiceException"/> in the service's <see cref="Protocol"/>.
/// </summary>
public interface ILocalService
{
    /// <summary>The SigV4 credential-scope service id (<c>sts</c>, <c>kms</c>, <c>dynamodb</c>); also the counter and denial prefix.</summary>
    string Name { get; }

    /// <summary>How the service's errors and SigV4 failures look on the wire.</summary>
    AwsProtocol Protocol { get; }

    /// <summary>
    /// Whether the request is for this service: by the SigV4 scope's service (<paramref name="scopeService"/>, null
    /// when unsigned), an <c>X-Amz-Target</c> prefix, the body's content type or the path. The first registered
    /// service that recognises a request serves it.
    /// </summary>
    bool Recognizes(HttpRequest request, string? scopeService);

    /// <summary>The operation's name, read cheaply for counting (empty when absent).</summary>
    string OperationOf(HttpRequest request, ReadOnlyMemory<byte> body);

    /// <summary>False for the operations AWS serves unsigned (AssumeRoleWithWebIdentity, the issuer's endpoints).</summary>
    bool RequiresSignature(string operation);

    /// <summary>Parses the request into an operation and the IAM checks it needs; throws <see cref="AwsServiceException"/> when malformed.</summary>
    ValueTask<LocalOperation> ParseAsync(LocalServiceCall call);

    /// <summary>Performs the authorized operation and writes its response.</summary>
    Task HandleAsync(LocalServiceCall call, LocalOperation operation);
}
