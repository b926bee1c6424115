using System.Text;
using System.Xml.Linq;

namespace Tenancy.Local.Emulator.Protocol;

/// <summary>Writes S3's REST-XML responses and its <c>&lt;Error&gt;</c> documents (no namespace on errors, as S3 sends them).</summary>
public static class S3XmlResponse
{
    public static readonly XNamespace Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    public static Task WriteAsync(HttpContext context, XElement document) => WriteXmlAsync(context, 200, document);

    public static Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        var requestId = AwsRequestId.New().Replace("-", string.Empty, StringComparison.Ordinal)[..16].ToUpperInvariant();
        var document = new XElement(
            "Error",
            new XElement("Code", code),
            new XElement("Message", message),
            new XElement("RequestId", requestId));
        context.Response.Headers["x-amz-request-id"] = requestId;

        // A HEAD response carries no body; the SDKs read the status (and S3 sends the code only in the body).
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        return WriteXmlAsync(context, status, document);
    }

    public static XElement Element(string name, object? content) => new(Namespace + name, content);

    private static async Task WriteXmlAsync(HttpContext context, int status, XElement document)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + document.ToString(SaveOptions.DisableFormatting));
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }
}
