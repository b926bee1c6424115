using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Tenancy.Isolation;
using Tenancy.Local.Build;
using Tenancy.Local.Emulator;
using Tenancy.Local.Run.Api;

namespace Tenancy.Security.Tests.Infrastructure;

/// <summary>
/// The attack range: the local cloud (DynamoDB Local behind the IAM evaluator, STS, KMS, issuer), an attacker tenant,
/// three victims — a pooled neighbour in the attacker's table, a look-alike id (<c>acme2</c> next to <c>acme</c>) and
/// a siloed tenant — each with orders made through the API and marked items (also on the GSI) planted directly, and
/// the tenant API as its own process configured like the Lambda function. The API is the repository build run with
/// <c>dotnet</c>; set <c>TENANCY_SECURITY_TESTS_LAUNCH=aot</c> to attack the Native-AOT publish instead.
/// </summary>
public sealed class SecurityFixture : IAsyncLifetime
{
    public const string SupportRoleLogicalId = "TenantSupportReadRole";

    public LocalCloud Cloud { get; private set; } = null!;

    public LocalApiProcess Api { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IAmazonDynamoDB AdminDynamoDb { get; private set; } = null!;

    public AttackTally Tally { get; } = new();

    /// <summary>Pooled; every attack is made as this tenant.</summary>
    public SecurityTenant Attacker { get; private set; } = null!;

    /// <summary>Pooled in the attacker's table.</summary>
    public SecurityTenant Neighbour { get; private set; } = null!;

    /// <summary>Pooled, with an id that extends the attacker's (<c>acme2</c>): the prefix-confusion victim.</summary>
    public SecurityTenant LookAlike { get; private set; } = null!;

    /// <summary>Siloed in its own table, with its own key.</summary>
    public SecurityTenant Silo { get; private set; } = null!;

    /// <summary>Used only by the route fuzzer, so its item count is known.</summary>
    public SecurityTenant Fuzzed { get; private set; } = null!;

    public IReadOnlyList<SecurityTenant> Victims => [Neighbour, LookAlike, Silo];

    /// <summary>Order ids made through the API per victim.</summary>
    public Dictionary<string, List<string>> VictimOrderIds { get; } = new(StringComparer.Ordinal);

    /// <summary>A continuation token of each victim's own order listing.</summary>
    public Dictionary<string, string> VictimContinuationTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Ciphertext each victim made under its own key and context.</summary>
    public Dictionary<string, byte[]> VictimCiphertexts { get; } = new(StringComparer.Ordinal);

    public string SupportRoleArn => Cloud.Template.Role(SupportRoleLogicalId).Arn;

    public async Task InitializeAsync()
    {
        var aot = Environment.GetEnvironmentVariable("TENANCY_SECURITY_TESTS_LAUNCH") == "aot";
        var publishing = aot ? LocalApiPublisher.PublishAotAsync() : Task.FromResult<LocalApiPublisher.Result>(null!);
        Cloud = await LocalCloud.StartAsync();
        AdminDynamoDb = Cloud.CreateDynamoDbClient(Cloud.AdminCredentials.ToAwsCredentials());

        Attacker = await OnboardAsync("acme", TenancyModel.Pool);
        Neighbour = await OnboardAsync("initech", TenancyModel.Pool);
        LookAlike = await OnboardAsync("acme2", TenancyModel.Pool);
        Silo = await OnboardAsync("globex", TenancyModel.Silo);
        Fuzzed = await OnboardAsync("fuzzco", TenancyModel.Pool);

        LocalApiLaunch launch;
        if (aot)
        {
            var publish = await publishing;
            if (publish.ExitCode != 0 || !File.Exists(publish.BootstrapPath))
            {
                throw new InvalidOperationException($"Publishing the API with Native AOT failed ({publish.ExitCode}):\n{publish.Log}");
            }

            launch = LocalApiLaunch.NativeBinary(publish.BootstrapPath);
        }
        else
        {
            launch = LocalApiLaunch.FromRepositoryBuild();
        }

        Api = await LocalApiProcess.StartAsync(launch, LocalApiEnvironment.For(Cloud));
        // Header values go out as UTF-8, so confusable tenant ids reach the server as an attacker would send them.
        Http = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8 })
        {
            BaseAddress = Api.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

        foreach (var victim in Victims.Append(Attacker).Append(Fuzzed))
        {
            await PlantAsync(victim);
        }
    }

    /// <summary>Credentials vended for <paramref name="tenantId"/> exactly as the API vends them (API role → AssumeRole with the TenantID tag).</summary>
    public async Task<AWSCredentials> VendAsync(string tenantId, string? roleArn = null)
    {
        using var sts = Cloud.CreateStsClient(Cloud.ApiCredentials.ToAwsCredentials());
        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = roleArn ?? Cloud.TenantDataRoleArn,
            RoleSessionName = $"attack-{tenantId}",
            Tags = [new Amazon.SecurityToken.Model.Tag { Key = "TenantID", Value = tenantId }],
            TransitiveTagKeys = ["TenantID"],
            DurationSeconds = 900,
        });
        var c = response.Credentials;
        return new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
    }

    /// <summary>
    /// Whether <paramref name="text"/> holds any victim's marker, email, partition key or order id — except order ids
    /// the attacker named itself in <paramref name="supplied"/> (an error echoing the requested path leaks nothing).
    /// </summary>
    public bool ContainsVictimData(string text, string? supplied = null)
    {
        if (supplied is { Length: > 0 })
        {
            text = text.Replace(supplied, string.Empty, StringComparison.Ordinal).Replace(supplied.Split('?')[0], string.Empty, StringComparison.Ordinal);
        }

        return Victims.Any(v => text.Contains(v.Secret, StringComparison.Ordinal)
            || text.Contains($"{v.Id}@secret.example", StringComparison.Ordinal)
            || text.Contains(v.PartitionKey + "\"", StringComparison.Ordinal)
            || text.Contains(v.PartitionKey + "#", StringComparison.Ordinal)
            || VictimOrderIds[v.Id].Any(id => text.Contains(id, StringComparison.OrdinalIgnoreCase) && !(supplied?.Contains(id, StringComparison.OrdinalIgnoreCase) ?? false)));
    }

    /// <summary>Whether the API process is still running.</summary>
    public bool ApiAlive()
    {
        try
        {
            return !Process.GetProcessById(Api.ProcessId).HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Every item of <paramref name="tenant"/>'s partition (admin read: the check, not the attack).</summary>
    public async Task<List<Dictionary<string, AttributeValue>>> ItemsOfAsync(SecurityTenant tenant)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await AdminDynamoDb.QueryAsync(new QueryRequest
            {
                TableName = tenant.TableName,
                KeyConditionExpression = "PK = :pk",
                ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = tenant.PartitionKey } },
                ExclusiveStartKey = start,
                ConsistentRead = true,
            });
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return items;
    }

    private async Task<SecurityTenant> OnboardAsync(string id, TenancyModel model)
    {
        var onboarded = await Cloud.OnboardTenantAsync(id, $"{id} Inc.", TenantTier.Basic, model);
        using var issuer = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var signIn = await issuer.PostAsJsonAsync(new Uri(Cloud.Issuer.IssuerUrl + "/signin"), new { username = onboarded.Username, password = onboarded.Password });
        signIn.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await signIn.Content.ReadAsStringAsync())!;
        var access = (body["AuthenticationResult"] ?? body)["AccessToken"]!.GetValue<string>();
        return new SecurityTenant(onboarded, access, $"SECRET-{id}-{Guid.NewGuid():N}");
    }

    // Orders through the API (encrypted email, versioned), plus items planted with the GSI attributes so index
    // queries have something to find; the secret is in every one of them.
    private async Task PlantAsync(SecurityTenant tenant)
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var created = await ApiCalls.SendAsync(Http, HttpMethod.Post, "/orders", tenant.AccessToken, ApiCalls.Order(tenant.Secret, $"{tenant.Id}@secret.example"));
            var order = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
            if (!created.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Planting an order for {tenant.Id} failed: {(int)created.StatusCode} {order.ToJsonString()}");
            }

            ids.Add(order["id"]!.GetValue<string>());
        }

        VictimOrderIds[tenant.Id] = ids;
        using (var page = await ApiCalls.SendAsync(Http, HttpMethod.Get, "/orders?limit=1", tenant.AccessToken))
        {
            VictimContinuationTokens[tenant.Id] = JsonNode.Parse(await page.Content.ReadAsStringAsync())!["continuationToken"]!.GetValue<string>();
        }

        for (var i = 0; i < 3; i++)
        {
            await AdminDynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = tenant.TableName,
                Item = new()
                {
                    ["PK"] = new AttributeValue { S = tenant.PartitionKey },
                    ["SK"] = new AttributeValue { S = $"NOTE#{i}" },
                    ["GSI1PK"] = new AttributeValue { S = $"{tenant.PartitionKey}#STATUS#Pending" },
                    ["GSI1SK"] = new AttributeValue { S = $"2026-01-0{i + 1}" },
                    ["Note"] = new AttributeValue { S = tenant.Secret },
                },
            });
        }

        using var kms = Cloud.CreateKmsClient(await VendAsync(tenant.Id));
        var encrypted = await kms.EncryptAsync(new Amazon.KeyManagementService.Model.EncryptRequest
        {
            KeyId = tenant.Onboarded.KmsKeyArn,
            Plaintext = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(tenant.Secret)),
            EncryptionContext = new() { ["tenant"] = tenant.Id },
        });
        VictimCiphertexts[tenant.Id] = encrypted.CiphertextBlob.ToArray();
    }

    public async Task DisposeAsync()
    {
        Tally.WriteOut();
        Http?.Dispose();
        AdminDynamoDb?.Dispose();
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (Cloud is not null)
        {
            await Cloud.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SecurityFixture>
{
    public const string Name = "attack range";
}
