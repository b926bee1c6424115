using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Protocol;

namespace Tenancy.Local.Emulator.Services.Identity;

/// <summary>
/// The issuer's unsigned HTTP endpoints under <c>/&lt;userPoolId&gt;/</c>: OIDC discovery, the JWKS and the demo
/// sign-in (<c>POST /signin {"username","password"}</c> returning Cognito's <c>AuthenticationResult</c> shape).
/// </summary>
public sealed class IssuerService : ILocalService
{
    private const string Discovery = "OpenIdConfiguration";
    private const string Jwks = "Jwks";
    private const string SignIn = "SignIn";

    private readonly LocalIssuer _issuer;

    public IssuerService(LocalIssuer issuer)
    {
        _issuer = issuer;
    }

    public string Name => "cognito-idp";

    public AwsProtocol Protocol => AwsProtocol.PlainJson;

    private string PathPrefix => "/" + _issuer.UserPoolId;

    public bool Recognizes(HttpRequest request, string? scopeService) =>
        (request.Path.Value ?? string.Empty).StartsWith(PathPrefix + "/", StringComparison.Ordinal);

    public string OperationOf(HttpRequest request, ReadOnlyMemory<byte> body) =>
        (request.Method, (request.Path.Value ?? string.Empty)[PathPrefix.Length..]) switch
        {
            ("GET", "/.well-known/openid-configuration") => Discovery,
            ("GET", "/.well-known/jwks.json") => Jwks,
            ("POST", "/signin") => SignIn,
            _ => string.Empty,
        };

    public bool RequiresSignature(string operation) => false;

    public ValueTask<LocalOperation> ParseAsync(LocalServiceCall call) => call.OperationName.Length == 0
        ? throw new AwsServiceException(404, "ResourceNotFoundException", "Unknown issuer route.")
        : ValueTask.FromResult(new LocalOperation(call.OperationName));

    public Task HandleAsync(LocalServiceCall call, LocalOperation operation) => operation.Name switch
    {
        Discovery => WriteJsonAsync(call.Context, _issuer.Discovery()),
        Jwks => WriteJsonAsync(call.Context, _issuer.Jwks()),
        _ => SignInAsync(call),
    };

    private Task SignInAsync(LocalServiceCall call)
    {
        string? username = null, password = null;
        try
        {
            if (JsonNode.Parse(call.Body) is JsonObject body)
            {
                username = Text(body, "username") ?? Text(body, "USERNAME");
                password = Text(body, "password") ?? Text(body, "PASSWORD");
            }
        }
        catch (JsonException)
        {
        }

        if (username is null || password is null)
        {
            throw new AwsServiceException(400, "InvalidParameterException", "username and password are required.");
        }

        var tokens = _issuer.SignIn(username, password)
            ?? throw new AwsServiceException(400, "NotAuthorizedException", "Incorrect username or password.");
        return WriteJsonAsync(call.Context, new JsonObject
        {
            ["AuthenticationResult"] = new JsonObject
            {
                ["AccessToken"] = tokens.AccessToken,
                ["IdToken"] = tokens.IdToken,
                ["ExpiresIn"] = (int)_issuer.TokenLifetime.TotalSeconds,
                ["TokenType"] = "Bearer",
            },
            ["ChallengeParameters"] = new JsonObject(),
        });
    }

    private static async Task WriteJsonAsync(HttpContext context, JsonObject body)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
