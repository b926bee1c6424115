using System.Net;
using System.Text;
using Tenancy.Local.Emulator.Services.DynamoDb;

namespace Tenancy.Local.Tests;

public sealed class DynamoDbLocalServerTests
{
    [Fact]
    public async Task Starts_answers_and_stops()
    {
        int port;
        await using (var server = await DynamoDbLocalServer.StartAsync())
        {
            port = server.Port;
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint)
            {
                Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.0"),
            };
            request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810.ListTables");
            request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("TableNames", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var after = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => after.GetAsync(new Uri($"http://127.0.0.1:{port}/")));
    }
}
