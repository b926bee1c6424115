using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Tenancy.Local.Emulator.Services.Identity;
using Tenancy.Security.Tests.Infrastructure;

namespace Tenancy.Security.Tests.Corpus;

/// <summary>
/// Generated cross-tenant attempts through the tenant API with the attacker's genuine token (or tokens an attacker
/// can make): victims' order ids spelled every way on every route, tenant selectors in headers, query and body,
/// victims' continuation tokens as issued and altered, and tokens whose tenant claim was changed. Every answer must
/// be a 4xx problem or hold nothing of a victim; no victim order may change.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class ApiCorpusTests
{
    private readonly SecurityFixture _fixture;

    public ApiCorpusTests(SecurityFixture fixture) => _fixture = fixture;

    private string[] VictimIds => [.. _fixture.Victims.Select(v => v.Id)];

    [Fact]
    public async Task Victim_orders_are_not_reachable_by_id_on_any_route()
    {
        var gen = Gen.Select(TenantIdVariants.For(_fixture.Attacker.Id, VictimIds), Gen.Int[0, 3], Gen.Int[0, 5], (t, route, spelling) => (t, route, spelling));
        await RunAsync("api: orders by id (GET/PUT/DELETE/status)", gen, x =>
        {
            var ids = _fixture.VictimOrderIds[x.t.Target];
            var real = ids[x.t.Salt % ids.Count];
            var id = x.spelling switch
            {
                0 => real,
                1 => real.ToUpperInvariant(),
                2 => Uri.EscapeDataString($"ORDER#{real}"),
                3 => Uri.EscapeDataString($"TENANT#{x.t.Spelled}#ORDER#{real}"),
                4 => Uri.EscapeDataString($"../{x.t.Spelled}/{real}"),
                _ => Uri.EscapeDataString(real + "\u200B"),
            };
            return x.route switch
            {
                0 => (HttpMethod.Get, $"/orders/{id}", null),
                1 => (HttpMethod.Put, $"/orders/{id}", """{"customerName":"Mallory","customerEmail":"m@evil.example","lines":[{"sku":"X","quantity":1,"unitPrice":1}],"version":1}"""),
                2 => (HttpMethod.Post, $"/orders/{id}/status", """{"status":"Cancelled"}"""),
                _ => (HttpMethod.Delete, $"/orders/{id}", null),
            };
        });
    }

    [Fact]
    public async Task Tenant_selectors_in_headers_query_and_body_are_refused()
    {
        var gen = Gen.Select(TenantIdVariants.For(_fixture.Attacker.Id, VictimIds), Gen.Int[0, 5], (t, where) => (t, where));
        await RunAsync("api: listings with tenant selectors", gen, x =>
        {
            var spelled = Uri.EscapeDataString(x.t.Spelled);
            return x.where switch
            {
                0 => (HttpMethod.Get, $"/orders?tenantId={spelled}", null, null),
                1 => (HttpMethod.Get, $"/orders?limit=100&tenant={spelled}", null, null),
                2 => (HttpMethod.Get, "/orders?limit=100", null, ("X-Tenant-Id", x.t.Spelled)),
                3 => (HttpMethod.Get, "/orders?limit=100", null, ("X-Amz-Security-Token", x.t.Spelled)),
                4 => (HttpMethod.Post, "/orders", new JsonObject { ["tenantId"] = x.t.Spelled, ["customerName"] = "M", ["customerEmail"] = "m@evil.example", ["lines"] = new JsonArray(new JsonObject { ["sku"] = "X", ["quantity"] = 1, ["unitPrice"] = 1 }) }.ToJsonString(), null),
                _ => (HttpMethod.Get, "/orders?limit=100", null, null),
            };
        }, configure: (x, request) =>
        {
            if (x.header is { } header)
            {
                request.Headers.TryAddWithoutValidation(header.Item1, header.Item2);
            }
        });
    }

    [Fact]
    public async Task Victim_continuation_tokens_are_refused_as_issued_and_altered()
    {
        var gen = Gen.Select(TenantIdVariants.For(_fixture.Attacker.Id, VictimIds), Gen.Int[0, 4], (t, change) => (t, change));
        await RunAsync("api: continuation tokens", gen, x =>
        {
            var token = _fixture.VictimContinuationTokens[x.t.Target];
            var altered = x.change switch
            {
                0 => token,
                1 => FlipOneCharacter(token, x.t.Salt),
                2 => ReplaceInDecoded(token, x.t.Target, _fixture.Attacker.Id),
                3 => ReplaceInDecoded(token, x.t.Target, x.t.Spelled),
                _ => token[..(x.t.Salt % Math.Max(1, token.Length))],
            };
            return (HttpMethod.Get, $"/orders?limit=5&continuationToken={Uri.EscapeDataString(altered)}", null);
        });
    }

    [Fact]
    public async Task Tokens_claiming_another_tenant_are_401()
    {
        var gen = Gen.Select(TenantIdVariants.For(_fixture.Attacker.Id, VictimIds), Gen.Int[0, 3], (t, forge) => (t, forge));
        await RunAsync("api: tokens with a forged tenant claim", gen, x => (HttpMethod.Get, "/orders?limit=100", null), token: x => x.forge switch
        {
            0 => ForgedTokens.WithPayloadClaim(_fixture.Attacker.AccessToken, "custom:tenantID", x.t.Spelled),
            1 => ForgedTokens.AlgNone(_fixture.Attacker.AccessToken, "custom:tenantID", x.t.Spelled),
            2 => ForgedTokens.SignedWithOwnKey(_fixture.Attacker.AccessToken, "custom:tenantID", x.t.Spelled),
            _ => _fixture.Cloud.Issuer.MintToken(_fixture.Attacker.Onboarded.Username, TokenUse.Access, TokenDefect.TamperedTenant, tamperedTenantId: x.t.Spelled),
        });
    }

    private Task RunAsync<T>(string path, Gen<T> gen, Func<T, (HttpMethod Method, string Path, string? Body)> request, Func<T, string>? token = null) =>
        RunAsync(path, gen, x => { var (m, p, b) = request(x); return (m, p, b, null); }, token: token);

    private async Task RunAsync<T>(string path, Gen<T> gen, Func<T, (HttpMethod Method, string Path, string? Body, (string, string)? header)> request, Action<(HttpMethod Method, string Path, string? Body, (string, string)? header), HttpRequestMessage>? configure = null, Func<T, string>? token = null)
    {
        var before = await VictimOrdersAsync();
        var count = 0;
        await gen.SampleAsync(async x =>
        {
            var call = request(x);
            using var response = await ApiCalls.SendAsync(_fixture.Http, call.Method, call.Path, token?.Invoke(x) ?? _fixture.Attacker.AccessToken, call.Body, r => configure?.Invoke(call, r));
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"{path}: {call.Method} {call.Path} → {status}: {body}");
            AttackOutcome outcome;
            if (_fixture.ContainsVictimData(body, Uri.UnescapeDataString(call.Path)))
            {
                outcome = AttackOutcome.Leaked;
            }
            else if (status == 400 && body.Length == 0 && (call.Path.Contains("%00", StringComparison.Ordinal) || (call.header is { } header && ApiCalls.IsUnsafeHeaderValue(header.Item2))))
            {
                // Refused by Kestrel at the protocol level (a NUL in the path, a control or non-ASCII character in a
                // header), before the API.
                outcome = AttackOutcome.Denied;
            }
            else if (status >= 400)
            {
                Assert.True(await ApiCalls.IsProblemAsync(response), $"{path}: {call.Method} {call.Path} → {status} without problem details: {body}");
                outcome = AttackOutcome.Denied;
            }
            else
            {
                outcome = AttackOutcome.Empty;
            }

            _fixture.Tally.Record(path, outcome, $"{call.Method} {call.Path} → {status} {body}");
            Interlocked.Increment(ref count);
            Assert.True(outcome != AttackOutcome.Leaked, $"{path}: {call.Method} {call.Path} leaked: {body}");
        }, iter: DirectDynamoDbCorpusTests.AttemptsPerPath, threads: 1);

        Assert.True(count >= DirectDynamoDbCorpusTests.AttemptsPerPath);
        Assert.Equal(before, await VictimOrdersAsync());
    }

    // Each victim's orders as the victim sees them: unchanged by every attempt.
    private async Task<string> VictimOrdersAsync()
    {
        var text = new StringBuilder();
        foreach (var victim in _fixture.Victims)
        {
            using var response = await ApiCalls.SendAsync(_fixture.Http, HttpMethod.Get, "/orders?limit=100", victim.AccessToken);
            text.AppendLine(await response.Content.ReadAsStringAsync());
        }

        return text.ToString();
    }

    private static string FlipOneCharacter(string token, int salt)
    {
        var chars = token.ToCharArray();
        var at = salt % chars.Length;
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    // Continuation tokens are opaque to clients; if one decodes, an attacker rewrites the tenant inside and re-encodes.
    private static string ReplaceInDecoded(string token, string from, string to)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Replace(from, to, StringComparison.Ordinal);
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }
        catch (FormatException)
        {
            return token.Replace(from, to, StringComparison.Ordinal);
        }
    }
}
