using System.Text;
using System.Xml.Linq;

namespace Tenancy.Local.Emulator.Protocol;

/// <summary>Writes awsQuery protocol (STS) XML responses and <c>ErrorResponse</c> documents.</summary>
public static class AwsQueryResponse
{
    public static readonly XNamespace StsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    /// <summary>Writes <c>&lt;{Action}Response&gt;&lt;{Action}Result&gt;…&lt;/…&gt;&lt;ResponseMetadata/&gt;</c>.</summary>
    public static Task WriteAsync(HttpContext context, string action, params object[] resultContent)
    {
        var requestId = AwsRequestId.New();
        var document = new XElement(
            StsNamespace + (action + "Response"),
            new XElement(StsNamespace + (action + "Result"), resultContent),
            new XElement(StsNamespace + "ResponseMetadata", new XElement(StsNamespace + "RequestId", requestId)));
        return WriteXmlAsync(context, 200, document, requestId);
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        var requestId = AwsRequestId.New();
        var document = new XElement(
            StsNamespace + "ErrorResponse",
            new XElement(
                StsNamespace + "Error",
                new XElement(StsNamespace + "Type", status >= 500 ? "Receiver" : "Sender"),
                new XElement(StsNamespace + "Code", code),
                new XElement(StsNamespace + "Message", message)),
            new XElement(StsNamespace + "RequestId", requestId));
        return WriteXmlAsync(context, status, document, requestId);
    }

    public static XElement Element(string name, object? content) => new(StsNamespace + name, content);

    private static async Task WriteXmlAsync(HttpContext context, int status, XElement document, string requestId)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        var bytes = Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting));
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }
}
