using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tenancy.ControlPlane.Tests.Infrastructure;

/// <summary>Serves a test issuer's JWKS over HTTP on loopback, for the published authorizer (a separate process).</summary>
public sealed class JwksServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly TestIssuer _issuer;

    public JwksServer(TestIssuer issuer)
    {
        _issuer = issuer;
        var port = FreePort();
        Uri = new Uri($"http://127.0.0.1:{port}/.well-known/jwks.json");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = ServeAsync();
    }

    public Uri Uri { get; }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var body = Encoding.UTF8.GetBytes(_issuer.JwksJson);
            context.Response.ContentType = "application/json";
            context.Response.StatusCode = context.Request.Url!.AbsolutePath == Uri.AbsolutePath ? 200 : 404;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
