using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using CsCheck;
using Tenancy.Security.Tests.Infrastructure;

namespace Tenancy.Security.Tests.Corpus;

/// <summary>
/// Generated attempts on other tenants' keys and encryption contexts with the attacker's vended session: encrypt,
/// generate data keys and decrypt under a victim's key (by ARN, id or alias, spelled every way), under the
/// attacker's own key with a forged context, and decrypting a victim's ciphertext. Every one must fail.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class DirectKmsCorpusTests : IAsyncLifetime
{
    private readonly SecurityFixture _fixture;
    private IAmazonKeyManagementService _kms = null!;

    public DirectKmsCorpusTests(SecurityFixture fixture) => _fixture = fixture;

    public async Task InitializeAsync() => _kms = _fixture.Cloud.CreateKmsClient(await _fixture.VendAsync(_fixture.Attacker.Id));

    public Task DisposeAsync()
    {
        _kms.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Keys_and_contexts_of_other_tenants_are_refused()
    {
        const string path = "direct: KMS encrypt/decrypt/data keys";
        var victims = _fixture.Victims.Select(v => v.Id).ToArray();
        var gen = Gen.Select(TenantIdVariants.For(_fixture.Attacker.Id, victims), Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 2], (t, op, keyForm, context) => (t, op, keyForm, context));
        var count = 0;
        await gen.SampleAsync(async x =>
        {
            var victim = _fixture.Victims.Single(v => v.Id == x.t.Target);
            // The attacker's own key is used only together with a forged context; a victim's key with any context.
            var keyId = x.keyForm switch
            {
                0 => victim.Onboarded.KmsKeyArn,
                1 => victim.Onboarded.KmsKeyId,
                2 => "alias/tenancy/" + x.t.Spelled,
                _ => _fixture.Attacker.Onboarded.KmsKeyArn,
            };
            var context = x.context switch
            {
                0 => new Dictionary<string, string> { ["tenant"] = x.t.Spelled },
                1 => new Dictionary<string, string> { ["tenant"] = victim.Id, ["TENANT"] = _fixture.Attacker.Id },
                _ => x.keyForm == 3 ? new Dictionary<string, string> { ["tenant"] = victim.Id } : new Dictionary<string, string> { ["tenant"] = _fixture.Attacker.Id },
            };
            var (outcome, detail) = await DirectAttackClassifier.RunAsync(async () => x.op switch
            {
                0 => await _kms.EncryptAsync(new EncryptRequest { KeyId = keyId, Plaintext = new MemoryStream([1, 2, 3]), EncryptionContext = context }) is { } e ? "encrypted" : null,
                1 => await _kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = keyId, KeySpec = DataKeySpec.AES_256, EncryptionContext = context }) is { } d ? "data key" : null,
                2 => await _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(_fixture.VictimCiphertexts[victim.Id]), EncryptionContext = context }),
                _ => await _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(_fixture.VictimCiphertexts[victim.Id]), KeyId = keyId, EncryptionContext = new() { ["tenant"] = victim.Id } }),
            }, text => _fixture.ContainsVictimData(text));

            // Any successful use of a victim key, or of a victim's context, is a breach even without plaintext.
            if (outcome == AttackOutcome.Empty && (x.op >= 2 || IsForeign(keyId, context)))
            {
                outcome = AttackOutcome.Leaked;
            }

            _fixture.Tally.Record(path, outcome, $"{x} → {detail}");
            Interlocked.Increment(ref count);
            Assert.True(outcome != AttackOutcome.Leaked, $"{x} succeeded: {detail}");
        }, iter: DirectDynamoDbCorpusTests.AttemptsPerPath, threads: 1);

        Assert.True(count >= DirectDynamoDbCorpusTests.AttemptsPerPath);
    }

    private bool IsForeign(string keyId, Dictionary<string, string> context)
    {
        var own = _fixture.Attacker;
        var ownKey = keyId == own.Onboarded.KmsKeyArn || keyId == own.Onboarded.KmsKeyId || keyId == "alias/tenancy/" + own.Id;
        var ownContext = context.All(c => c.Key == "tenant" && c.Value == own.Id);
        return !ownKey || !ownContext;
    }
}
