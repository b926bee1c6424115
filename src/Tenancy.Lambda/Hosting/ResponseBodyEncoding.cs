namespace Tenancy.Lambda.Hosting;

/// <summary>How a response body travels in the API Gateway response event.</summary>
public enum ResponseBodyEncoding
{
    /// <summary>As a UTF-8 string.</summary>
    Text,

    /// <summary>Base64 with <c>isBase64Encoded: true</c>; API Gateway turns it back into bytes.</summary>
    Base64,
}
