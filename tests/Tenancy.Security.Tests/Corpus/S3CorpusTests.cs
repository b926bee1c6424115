using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using CsCheck;
using Tenancy.Security.Tests.Infrastructure;

namespace Tenancy.Security.Tests.Corpus;

/// <summary>
/// Generated attempts on other tenants' S3 objects: every victim (and the attacker) stores an attachment holding its
/// marker through the API; the attacker then goes for the victims' objects and listings through the attachment routes,
/// directly with its vended credentials through the AWS SDK, and through the real <c>aws s3api</c> CLI — other tenant
/// prefixes, <c>..</c>, encoded slashes, case variants, Unicode confusables, and the prefix without its slash
/// (<c>tenants/acme</c> also matches <c>tenants/acme2/…</c>). Every attempt must be denied or empty.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class S3CorpusTests : IAsyncLifetime
{
    private const string AttachmentName = "secret.txt";
    private const int CliAttempts = 24;
    private static readonly SemaphoreSlim PlantOnce = new(1, 1);
    private static SecurityFixture? _planted;
    private readonly SecurityFixture _fixture;
    private IAmazonS3 _s3 = null!;
    private ImmutableCredentials _credentials = null!;

    public S3CorpusTests(SecurityFixture fixture) => _fixture = fixture;

    private string Bucket => _fixture.Cloud.TenantDataBucketName;

    private string OwnPrefix => $"tenants/{_fixture.Attacker.Id}/";

    public async Task InitializeAsync()
    {
        await PlantOnce.WaitAsync();
        try
        {
            if (!ReferenceEquals(_planted, _fixture))
            {
                foreach (var tenant in _fixture.Victims.Append(_fixture.Attacker))
                {
                    await PlantAttachmentAsync(tenant);
                }

                _planted = _fixture;
            }
        }
        finally
        {
            PlantOnce.Release();
        }

        var vended = await _fixture.VendAsync(_fixture.Attacker.Id);
        _credentials = await vended.GetCredentialsAsync();
        _s3 = _fixture.Cloud.CreateS3Client(vended);
    }

    public Task DisposeAsync()
    {
        _s3.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Attachment_routes_never_reach_another_tenants_objects()
    {
        const string path = "API: S3 attachments";
        var victims = _fixture.Victims.Select(v => v.Id).ToArray();
        var ownOrder = _fixture.VictimOrderIds[_fixture.Attacker.Id][0];
        var gen = Gen.Select(TenantIdVariants.For(_fixture.Attacker.Id, victims), Gen.Int[0, 9], Gen.Int[0, 2], (t, shape, order) => (t, shape, order));
        var count = 0;
        await gen.SampleAsync(async x =>
        {
            var victimOrder = _fixture.VictimOrderIds[x.t.Target][x.order];
            var spelled = Uri.EscapeDataString(x.t.Spelled);
            var traversal = Uri.EscapeDataString($"../../../{x.t.Spelled}/orders/{victimOrder}/attachments/{AttachmentName}");
            var (method, route) = x.shape switch
            {
                0 => (HttpMethod.Get, $"/orders/{victimOrder}/attachments/{AttachmentName}"),
                1 => (HttpMethod.Get, $"/orders/{victimOrder}/attachments"),
                2 => (HttpMethod.Get, $"/orders/{ownOrder}/attachments/{traversal}"),
                3 => (HttpMethod.Get, $"/orders/{ownOrder}/attachments/..%2F..%2F..%2F{spelled}%2Forders%2F{victimOrder}%2Fattachments%2F{AttachmentName}"),
                4 => (HttpMethod.Get, $"/orders/{victimOrder.ToUpperInvariant()}/attachments/{AttachmentName.ToUpperInvariant()}"),
                5 => (HttpMethod.Get, $"/orders/{ownOrder}%2F..%2F..%2F{spelled}%2Forders%2F{victimOrder}/attachments/{AttachmentName}"),
                6 => (HttpMethod.Put, $"/orders/{victimOrder}/attachments/{AttachmentName}"),
                7 => (HttpMethod.Delete, $"/orders/{victimOrder}/attachments/{AttachmentName}"),
                8 => (HttpMethod.Get, $"/orders/{ownOrder}/attachments?continuationToken={Uri.EscapeDataString(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"tenants/{x.t.Spelled}/orders/{victimOrder}/attachments/")))}"),
                _ => (HttpMethod.Get, $"/orders/{ownOrder}/attachments/{spelled}%2F{AttachmentName}"),
            };
            using var response = await ApiCalls.SendAsync(_fixture.Http, method, route, _fixture.Attacker.AccessToken, configure: request =>
            {
                request.Headers.TryAddWithoutValidation("X-Tenant-Id", x.t.Spelled);
                if (method == HttpMethod.Put)
                {
                    request.Content = new ByteArrayContent("overwritten by the attacker"u8.ToArray());
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                }
            });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{method} {route} → {(int)response.StatusCode} {body}");
            var outcome = !response.IsSuccessStatusCode
                ? AttackOutcome.Denied
                : method != HttpMethod.Get || _fixture.ContainsVictimData(body, route) ? AttackOutcome.Leaked : AttackOutcome.Empty;
            _fixture.Tally.Record(path, outcome, $"{method} {route} → {(int)response.StatusCode}");
            Interlocked.Increment(ref count);
            Assert.True(outcome != AttackOutcome.Leaked, $"{method} {route} → {(int)response.StatusCode} {body}");
        }, iter: DirectDynamoDbCorpusTests.AttemptsPerPath, threads: 1);

        Assert.True(count >= DirectDynamoDbCorpusTests.AttemptsPerPath);
        await AssertVictimAttachmentsIntactAsync();

        // The control: the same routes serve the attacker's own attachment, so the denials above are not an outage.
        using var own = await ApiCalls.SendAsync(_fixture.Http, HttpMethod.Get, $"/orders/{ownOrder}/attachments/{AttachmentName}", _fixture.Attacker.AccessToken);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(_fixture.Attacker.Secret, await own.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Vended_credentials_never_reach_another_tenants_objects_or_listings()
    {
        const string path = "direct: S3 objects and listings";
        var victims = _fixture.Victims.Select(v => v.Id).ToArray();
        var gen = Gen.Select(TenantIdVariants.For(_fixture.Attacker.Id, victims), Gen.Int[0, 10], Gen.Int[0, 2], (t, shape, order) => (t, shape, order));
        var count = 0;
        await gen.SampleAsync(async x =>
        {
            var victimOrder = _fixture.VictimOrderIds[x.t.Target][x.order];
            var key = VictimKey(x.t.Spelled, victimOrder);
            var (outcome, detail) = await RunAsync(x.shape switch
            {
                0 => () => GetAsync(key),
                1 => () => ListAsync($"tenants/{x.t.Spelled}/"),
                2 => () => ListAsync($"tenants/{x.t.Spelled}"),
                3 => () => ListAsync($"tenants/{_fixture.Attacker.Id}"),
                4 => () => GetAsync($"{OwnPrefix}../{x.t.Spelled}/orders/{victimOrder}/attachments/{AttachmentName}"),
                5 => () => GetAsync($"tenants/{_fixture.Attacker.Id}%2F..%2F{x.t.Spelled}/orders/{victimOrder}/attachments/{AttachmentName}"),
                6 => () => GetAsync(key.Replace("tenants/", "TENANTS/", StringComparison.Ordinal)),
                7 => async () => (await _s3.GetObjectMetadataAsync(Bucket, key)).ContentLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
                8 => () => ListAsync(null),
                9 => async () => (await _s3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = Bucket, SourceKey = key, DestinationBucket = Bucket, DestinationKey = OwnPrefix + "copied.txt" })).ETag,
                _ => () => ListAsync(OwnPrefix, startAfter: $"tenants/{x.t.Spelled}/"),
            });

            // Reaching a victim's object at all (its size, a copy) is a breach even without its bytes.
            if (outcome == AttackOutcome.Empty && x.shape is 7 or 9 && !IsOwn(key))
            {
                outcome = AttackOutcome.Leaked;
            }

            _fixture.Tally.Record(path, outcome, $"{x} → {detail}");
            Interlocked.Increment(ref count);
            Assert.True(outcome != AttackOutcome.Leaked, $"{x} succeeded: {detail}");
        }, iter: DirectDynamoDbCorpusTests.AttemptsPerPath, threads: 1);

        Assert.True(count >= DirectDynamoDbCorpusTests.AttemptsPerPath);
        await AssertVictimAttachmentsIntactAsync();

        // The control: the same credentials read and list the attacker's own objects (stored envelope-encrypted, so the
        // raw object does not hold the plaintext marker; that is why any read of a foreign key counts as a leak above).
        var ownKey = VictimKey(_fixture.Attacker.Id, _fixture.VictimOrderIds[_fixture.Attacker.Id][0]);
        var raw = (string)(await GetAsync(ownKey))!;
        Assert.NotEmpty(raw);
        Assert.DoesNotContain(_fixture.Attacker.Secret, raw, StringComparison.Ordinal);
        Assert.Contains(ownKey, (string)(await ListAsync(OwnPrefix))!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_aws_cli_with_vended_credentials_never_reaches_another_tenants_objects()
    {
        const string path = "aws CLI: s3api objects and listings";
        var victims = _fixture.Victims.Select(v => v.Id).ToArray();
        var gen = Gen.Select(TenantIdVariants.For(_fixture.Attacker.Id, victims), Gen.Int[0, 3], (t, shape) => (t, shape));
        var count = 0;
        await gen.SampleAsync(async x =>
        {
            var key = VictimKey(x.t.Spelled, _fixture.VictimOrderIds[x.t.Target][0]);
            var output = Path.Combine(Path.GetTempPath(), $"tenancy-s3-cli-{Guid.NewGuid():N}");
            string[] arguments = x.shape switch
            {
                0 => ["s3api", "get-object", "--bucket", Bucket, "--key", key, output],
                1 => ["s3api", "list-objects-v2", "--bucket", Bucket, "--prefix", $"tenants/{x.t.Spelled}"],
                2 => ["s3api", "list-objects-v2", "--bucket", Bucket, "--prefix", $"tenants/{_fixture.Attacker.Id}"],
                _ => ["s3api", "get-object", "--bucket", Bucket, "--key", $"{OwnPrefix}../{x.t.Spelled}/orders/{_fixture.VictimOrderIds[x.t.Target][0]}/attachments/{AttachmentName}", output],
            };
            var (exitCode, stdout, stderr) = await RunCliAsync(arguments);
            var written = File.Exists(output) ? await File.ReadAllTextAsync(output) : string.Empty;
            File.Delete(output);
            // Objects are stored encrypted, so a successful get-object of a foreign key is a leak whatever its bytes.
            var foreignRead = x.shape is 0 or 3 && exitCode == 0 && !IsOwn(arguments[5]);
            var outcome = exitCode != 0
                ? AttackOutcome.Denied
                : foreignRead || _fixture.ContainsVictimData(stdout + written) || ForeignKeyIn(stdout) ? AttackOutcome.Leaked : AttackOutcome.Empty;
            _fixture.Tally.Record(path, outcome, $"{x} → exit {exitCode} {stderr.Trim()}");
            Interlocked.Increment(ref count);
            Assert.True(outcome != AttackOutcome.Leaked, $"aws {string.Join(' ', arguments)} → {stdout}{written}");
        }, iter: CliAttempts, threads: 1);

        Assert.Equal(CliAttempts, count);
    }

    private string VictimKey(string tenant, string orderId) => $"tenants/{tenant}/orders/{orderId}/attachments/{AttachmentName}";

    private bool IsOwn(string key) => key.StartsWith(OwnPrefix, StringComparison.Ordinal) && !key.Contains("..", StringComparison.Ordinal);

    private bool ForeignKeyIn(string text) =>
        _fixture.Victims.Any(v => text.Contains($"tenants/{v.Id}/", StringComparison.Ordinal));

    private async Task<object?> GetAsync(string key)
    {
        using var response = await _s3.GetObjectAsync(Bucket, key);
        using var reader = new StreamReader(response.ResponseStream);
        var body = await reader.ReadToEndAsync();
        return IsOwn(key) ? body : "FOREIGN OBJECT READ " + key + " " + body;
    }

    private async Task<object?> ListAsync(string? prefix, string? startAfter = null)
    {
        var response = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix, StartAfter = startAfter });
        var keys = (response.S3Objects ?? []).Select(o => o.Key).ToList();
        var foreign = keys.Where(k => !k.StartsWith(OwnPrefix, StringComparison.Ordinal)).ToList();
        return foreign.Count == 0 ? string.Join(",", keys) : "FOREIGN KEYS LISTED " + string.Join(",", foreign);
    }

    /// <summary>AWS errors are denials; a request the SDK itself refuses to send (an invalid key) reached nothing either.</summary>
    private async Task<(AttackOutcome Outcome, string Detail)> RunAsync(Func<Task<object?>> attempt)
    {
        try
        {
            return await DirectAttackClassifier.RunAsync(attempt, text => _fixture.ContainsVictimData(text) || text.StartsWith("FOREIGN", StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is AmazonClientException or ArgumentException)
        {
            return (AttackOutcome.Denied, "not sent: " + ex.GetType().Name);
        }
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments.Concat(["--endpoint-url", _fixture.Cloud.Endpoint.ToString().TrimEnd('/'), "--output", "json", "--region", _fixture.Cloud.Region]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = _credentials.AccessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = _credentials.SecretKey;
        start.Environment["AWS_SESSION_TOKEN"] = _credentials.Token;
        start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_PAGER"] = string.Empty;
        start.Environment.Remove("AWS_PROFILE");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start the aws CLI.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    private async Task PlantAttachmentAsync(SecurityTenant tenant)
    {
        foreach (var orderId in _fixture.VictimOrderIds[tenant.Id])
        {
            using var response = await ApiCalls.SendAsync(_fixture.Http, HttpMethod.Put, $"/orders/{orderId}/attachments/{AttachmentName}", tenant.AccessToken, configure: request =>
            {
                request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(tenant.Secret));
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            });
            Assert.True(response.IsSuccessStatusCode, $"Planting an attachment for {tenant.Id} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Every victim attachment still holds the victim's marker (nothing was overwritten or deleted).</summary>
    private async Task AssertVictimAttachmentsIntactAsync()
    {
        foreach (var victim in _fixture.Victims)
        {
            foreach (var orderId in _fixture.VictimOrderIds[victim.Id])
            {
                using var response = await ApiCalls.SendAsync(_fixture.Http, HttpMethod.Get, $"/orders/{orderId}/attachments/{AttachmentName}", victim.AccessToken);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(victim.Secret, await response.Content.ReadAsStringAsync());
            }
        }
    }
}
