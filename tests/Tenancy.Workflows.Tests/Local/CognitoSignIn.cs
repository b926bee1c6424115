using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator;

namespace Tenancy.Workflows.Tests.Local;

/// <summary>Signs a user in as an app does: an unsigned <c>InitiateAuth</c> (USER_PASSWORD_AUTH) at the cloud's cognito-idp endpoint.</summary>
internal static class CognitoSignIn
{
    public static async Task<(string AccessToken, string IdToken)> PasswordAsync(LocalCloud cloud, string username, string password)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, cloud.Endpoint);
        request.Headers.Add("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth");
        var body = new JsonObject
        {
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["ClientId"] = cloud.UserPool.ClientId,
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = username, ["PASSWORD"] = password },
        };
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"InitiateAuth answered {(int)response.StatusCode}: {text}");
        var result = JsonNode.Parse(text)!["AuthenticationResult"]!;
        return (result["AccessToken"]!.GetValue<string>(), result["IdToken"]!.GetValue<string>());
    }

    /// <summary>The claims of a JWT (its payload, not verified here).</summary>
    public static JsonObject Claims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonNode.Parse(Convert.FromBase64String(payload))!.AsObject();
    }
}
