using Tenancy.Local.Auth;
using Tenancy.Local.DynamoDb;
using Tenancy.Local.Identity;
using Tenancy.Local.Kms;
using Tenancy.Local.Protocol;
using Tenancy.Local.Sts;

namespace Tenancy.Local.Hosting;

/// <summary>
/// One loopback port serves every service: the issuer by path (<c>/&lt;userPoolId&gt;/…</c>), the AWS services by
/// the SigV4 credential scope's service name, falling back to <c>X-Amz-Target</c> and, for the unsigned
/// AssumeRoleWithWebIdentity, the awsQuery form body.
/// </summary>
public sealed class LocalCloudRouter
{
    private const int MaxBodyBytes = 16 * 1024 * 1024;
    private readonly StsService _sts;
    private readonly KmsService _kms;
    private readonly DynamoDbFront _dynamoDb;
    private readonly LocalIssuer _issuer;

    public LocalCloudRouter(StsService sts, KmsService kms, DynamoDbFront dynamoDb, LocalIssuer issuer)
    {
        _sts = sts;
        _kms = kms;
        _dynamoDb = dynamoDb;
        _issuer = issuer;
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await RouteAsync(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
        {
            // Never a stack trace to the caller: AWS's generic 500 shape (the SDK retries or surfaces it).
            context.Response.Clear();
            await AwsJsonResponse.WriteErrorAsync(context, 500, "InternalFailure", "The local cloud failed to process the request.", "application/json").ConfigureAwait(false);
        }
    }

    private async Task RouteAsync(HttpContext context)
    {
        if (await _issuer.TryHandleAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            await AwsJsonResponse.WriteErrorAsync(context, 413, "RequestEntityTooLarge", "Request body too large.", "application/json").ConfigureAwait(false);
            return;
        }

        switch (ServiceOf(context.Request))
        {
            case "sts":
                await _sts.HandleAsync(context, body).ConfigureAwait(false);
                break;
            case "kms":
                await _kms.HandleAsync(context, body).ConfigureAwait(false);
                break;
            case "dynamodb":
                await _dynamoDb.HandleAsync(context, body).ConfigureAwait(false);
                break;
            default:
                await AwsJsonResponse.WriteErrorAsync(context, 400, "UnknownOperationException", "The local cloud serves sts, kms and dynamodb.", "application/json").ConfigureAwait(false);
                break;
        }
    }

    private static string? ServiceOf(HttpRequest request)
    {
        if (SigV4AuthorizationHeader.ServiceOf(request.Headers.Authorization.ToString()) is { } scoped)
        {
            return scoped;
        }

        var target = request.Headers["X-Amz-Target"].ToString();
        if (target.StartsWith("TrentService.", StringComparison.Ordinal))
        {
            return "kms";
        }

        if (target.StartsWith("DynamoDB_", StringComparison.Ordinal))
        {
            return "dynamodb";
        }

        return request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true ? "sts" : null;
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
