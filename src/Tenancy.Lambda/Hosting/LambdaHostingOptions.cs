using Tenancy.Lambda.Runtime;

namespace Tenancy.Lambda.Hosting;

/// <summary>Settings of the API Gateway server.</summary>
public sealed class LambdaHostingOptions
{
    /// <summary>The event shape the function receives.</summary>
    public LambdaEventSource EventSource { get; set; } = LambdaEventSource.RestApi;

    /// <summary>The invocation loop's settings (Runtime API address, response limit, deadline margin).</summary>
    public LambdaRuntimeOptions Runtime { get; set; } = new();

    /// <summary>Media types (no parameters, case-insensitive) always sent as base64.</summary>
    public ISet<string> BinaryContentTypes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "application/octet-stream", "image/png", "image/gif", "image/jpeg", "image/jpg", "image/x-icon", "image/webp",
        "application/zip", "application/gzip", "application/pdf", "application/x-protobuf", "application/wasm",
    };

    /// <summary>
    /// Media types sent as text in addition to <c>text/*</c>, JSON, XML and their <c>+json</c>/<c>+xml</c> variants.
    /// </summary>
    public ISet<string> TextContentTypes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "application/javascript", "application/ecmascript", "application/x-www-form-urlencoded", "application/graphql",
        "application/yaml", "application/x-yaml",
    };

    /// <summary>
    /// The encoding of a body whose type is neither binary nor text. Base64 by default so unknown binary formats
    /// (xlsx, fonts, …) are never corrupted by a UTF-8 round trip. A body without Content-Type goes as text when it is
    /// valid UTF-8. REST APIs turn base64 back into bytes only for their configured <c>binaryMediaTypes</c>
    /// (e.g. <c>*/*</c>); HTTP APIs always do.
    /// </summary>
    public ResponseBodyEncoding DefaultEncoding { get; set; } = ResponseBodyEncoding.Base64;
}
