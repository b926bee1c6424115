using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Iam;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Protocol;

namespace Tenancy.Local.Emulator.Services.Kms;

/// <summary>
/// Local KMS over JSON 1.1 (<c>X-Amz-Target: TrentService.*</c>): symmetric keys with real AES-256-GCM under a
/// per-key master secret, the encryption context bound as associated data, key states that make Decrypt and
/// GenerateDataKey fail like KMS (<c>DisabledException</c>, <c>KMSInvalidStateException</c>), and every call
/// checked against the caller's IAM policies with the request's <c>kms:EncryptionContext:*</c> and the key's tags.
/// </summary>
public sealed class KmsService : ILocalService
{
    public const string ContentType = "application/x-amz-json-1.1";
    private const string TargetPrefix = "TrentService.";

    private readonly KmsKeyStore _keys;
    private readonly LocalCloudCounters _counters;
    private readonly TimeProvider _time;

    public KmsService(KmsKeyStore keys, LocalCloudCounters counters, TimeProvider time)
    {
        _keys = keys;
        _counters = counters;
        _time = time;
    }

    public string Name => "kms";

    public AwsProtocol Protocol => AwsProtocol.Json11;

    public bool Recognizes(HttpRequest request, string? scopeService) =>
        AwsRequestMatch.SignedFor(request, scopeService, Name) || AwsRequestMatch.Targets(request, scopeService, TargetPrefix);

    public string OperationOf(HttpRequest request, ReadOnlyMemory<byte> body) => AwsRequestMatch.TargetOperation(request, TargetPrefix);

    public bool RequiresSignature(string operation) => true;

    public ValueTask<LocalOperation> ParseAsync(LocalServiceCall call) =>
        ValueTask.FromResult<LocalOperation>(new KmsOperation(call.OperationName, KmsRequest.Parse(call.Body)));

    public async Task HandleAsync(LocalServiceCall call, LocalOperation operation)
    {
        JsonObject response;
        try
        {
            response = Dispatch(operation.Name, ((KmsOperation)operation).Request, call);
        }
        catch (InvalidOperationException)
        {
            throw AwsServiceException.ClientError("SerializationException", "A request member has the wrong type.");
        }

        await AwsJsonResponse.WriteAsync(call.Context, response, ContentType).ConfigureAwait(false);
    }

    private JsonObject Dispatch(string action, KmsRequest request, LocalServiceCall call) => action switch
    {
        "CreateKey" => CreateKey(request, call),
        "CreateAlias" => CreateAlias(request, call),
        "DeleteAlias" => DeleteAlias(request, call),
        "UpdateAlias" => UpdateAlias(request, call),
        "ListAliases" => ListAliases(request, call),
        "DescribeKey" => DescribeKey(request, call),
        "GenerateDataKey" => GenerateDataKey(request, call, includePlaintext: true),
        "GenerateDataKeyWithoutPlaintext" => GenerateDataKey(request, call, includePlaintext: false),
        "Encrypt" => Encrypt(request, call),
        "Decrypt" => Decrypt(request, call),
        "EnableKey" => ChangeState(request, call, "kms:EnableKey", KmsKeyState.Enabled),
        "DisableKey" => ChangeState(request, call, "kms:DisableKey", KmsKeyState.Disabled),
        "ScheduleKeyDeletion" => ScheduleKeyDeletion(request, call),
        "CancelKeyDeletion" => CancelKeyDeletion(request, call),
        "TagResource" => TagResource(request, call),
        "UntagResource" => UntagResource(request, call),
        "ListResourceTags" => ListResourceTags(request, call),
        _ => throw AwsServiceException.ClientError("UnsupportedOperationException", $"The local KMS does not support {action}."),
    };

    private JsonObject CreateKey(KmsRequest request, LocalServiceCall call)
    {
        var tags = request.Tags();
        var keys = new RequestContext();
        foreach (var (key, value) in tags)
        {
            keys.Set("aws:RequestTag/" + key, value).Add("aws:TagKeys", key);
        }

        call.Authorize("kms:CreateKey", "*", keys);
        var spec = request.String("KeySpec") ?? request.String("CustomerMasterKeySpec") ?? "SYMMETRIC_DEFAULT";
        if (spec != "SYMMETRIC_DEFAULT" || (request.String("KeyUsage") ?? "ENCRYPT_DECRYPT") != "ENCRYPT_DECRYPT")
        {
            throw AwsServiceException.ClientError("UnsupportedOperationException", "The local KMS supports only SYMMETRIC_DEFAULT ENCRYPT_DECRYPT keys.");
        }

        var created = _keys.Create(request.String("Description") ?? string.Empty, tags, _time.GetUtcNow());
        return new JsonObject { ["KeyMetadata"] = Metadata(created) };
    }

    private JsonObject CreateAlias(KmsRequest request, LocalServiceCall call)
    {
        var alias = request.String("AliasName") ?? string.Empty;
        if (!alias.StartsWith("alias/", StringComparison.Ordinal) || alias.StartsWith("alias/aws/", StringComparison.Ordinal) || alias.Length is < 7 or > 256)
        {
            throw AwsServiceException.ClientError("InvalidAliasNameException", $"Alias {alias} must begin with 'alias/' and must not begin with 'alias/aws/'.");
        }

        var key = _keys.Resolve(request.String("TargetKeyId"));
        call.Authorize("kms:CreateAlias", LocalAccount.AliasArn(alias), new RequestContext());
        call.Authorize("kms:CreateAlias", key.Arn, KeyContext(key));
        if (key.State == KmsKeyState.PendingDeletion)
        {
            throw PendingDeletion(key);
        }

        if (!_keys.TryAddAlias(alias, key.KeyId))
        {
            throw AwsServiceException.ClientError("AlreadyExistsException", $"An alias with the name {LocalAccount.AliasArn(alias)} already exists");
        }

        return new JsonObject();
    }

    private JsonObject DeleteAlias(KmsRequest request, LocalServiceCall call)
    {
        var alias = request.String("AliasName") ?? string.Empty;
        var key = ExistingAliasTarget(alias);
        call.Authorize("kms:DeleteAlias", LocalAccount.AliasArn(alias), new RequestContext());
        call.Authorize("kms:DeleteAlias", key.Arn, KeyContext(key));

        // Deleting an alias is allowed whatever the key's state: it is how offboarding frees the name.
        _keys.TryRemoveAlias(alias);
        return new JsonObject();
    }

    private JsonObject UpdateAlias(KmsRequest request, LocalServiceCall call)
    {
        var alias = request.String("AliasName") ?? string.Empty;
        var current = ExistingAliasTarget(alias);
        var target = _keys.Resolve(request.String("TargetKeyId"));
        call.Authorize("kms:UpdateAlias", LocalAccount.AliasArn(alias), new RequestContext());
        call.Authorize("kms:UpdateAlias", current.Arn, KeyContext(current));
        call.Authorize("kms:UpdateAlias", target.Arn, KeyContext(target));
        if (target.State == KmsKeyState.PendingDeletion)
        {
            throw PendingDeletion(target);
        }

        _keys.PointAlias(alias, target.KeyId);
        return new JsonObject();
    }

    private KmsKey ExistingAliasTarget(string alias)
    {
        if (!alias.StartsWith("alias/", StringComparison.Ordinal))
        {
            throw AwsServiceException.ClientError("ValidationException", $"1 validation error detected: Value '{alias}' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^alias/[a-zA-Z0-9/_-]+$");
        }

        return _keys.AliasTarget(alias) is { } keyId && _keys.TryGet(keyId, out var key)
            ? key
            : throw AwsServiceException.ClientError("NotFoundException", $"Alias {LocalAccount.AliasArn(alias)} is not found.");
    }

    private JsonObject ListAliases(KmsRequest request, LocalServiceCall call)
    {
        call.Authorize("kms:ListAliases", "*", new RequestContext());
        var filter = request.String("KeyId") is { } keyId ? _keys.Resolve(keyId).KeyId : null;
        var aliases = new JsonArray();
        foreach (var (alias, target) in _keys.Aliases.Where(a => filter is null || a.KeyId == filter))
        {
            aliases.Add((JsonNode)new JsonObject { ["AliasName"] = alias, ["AliasArn"] = LocalAccount.AliasArn(alias), ["TargetKeyId"] = target });
        }

        return new JsonObject { ["Aliases"] = aliases, ["Truncated"] = false };
    }

    private JsonObject DescribeKey(KmsRequest request, LocalServiceCall call)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        call.Authorize("kms:DescribeKey", key.Arn, KeyContext(key));
        return new JsonObject { ["KeyMetadata"] = Metadata(key) };
    }

    private JsonObject GenerateDataKey(KmsRequest request, LocalServiceCall call, bool includePlaintext)
    {
        var action = includePlaintext ? "GenerateDataKey" : "GenerateDataKeyWithoutPlaintext";
        var key = _keys.Resolve(request.String("KeyId"));
        var encryptionContext = request.EncryptionContext();
        call.Authorize("kms:" + action, key.Arn, KeyContext(key, encryptionContext));
        EnsureUsable(key);
        Count(action, key);

        var spec = request.String("KeySpec");
        var numberOfBytes = request.Int("NumberOfBytes");
        var length = (spec, numberOfBytes) switch
        {
            ("AES_256", null) => 32,
            ("AES_128", null) => 16,
            (null, >= 1 and <= 1024) => numberOfBytes.Value,
            (null, null) => throw AwsServiceException.ClientError("ValidationException", "Please specify either number of bytes or key spec."),
            (not null, not null) => throw AwsServiceException.ClientError("ValidationException", "Please specify either number of bytes or key spec."),
            (null, _) => throw AwsServiceException.ClientError("ValidationException", $"1 validation error detected: Value '{numberOfBytes}' at 'numberOfBytes' failed to satisfy constraint: Member must have value between 1 and 1024"),
            _ => throw AwsServiceException.ClientError("ValidationException", $"1 validation error detected: Value '{spec}' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]"),
        };

        var plaintext = RandomNumberGenerator.GetBytes(length);
        var response = new JsonObject
        {
            ["CiphertextBlob"] = Convert.ToBase64String(KmsCiphertext.Encrypt(key, plaintext, encryptionContext)),
            ["KeyId"] = key.Arn,
        };
        if (includePlaintext)
        {
            response["Plaintext"] = Convert.ToBase64String(plaintext);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return response;
    }

    private JsonObject Encrypt(KmsRequest request, LocalServiceCall call)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        var encryptionContext = request.EncryptionContext();
        call.Authorize("kms:Encrypt", key.Arn, KeyContext(key, encryptionContext));
        EnsureUsable(key);
        Count("Encrypt", key);
        var plaintext = request.Blob("Plaintext");
        if (plaintext is not { Length: >= 1 and <= 4096 })
        {
            throw AwsServiceException.ClientError("ValidationException", "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length between 1 and 4096");
        }

        return new JsonObject
        {
            ["CiphertextBlob"] = Convert.ToBase64String(KmsCiphertext.Encrypt(key, plaintext, encryptionContext)),
            ["KeyId"] = key.Arn,
            ["EncryptionAlgorithm"] = "SYMMETRIC_DEFAULT",
        };
    }

    private JsonObject Decrypt(KmsRequest request, LocalServiceCall call)
    {
        var blob = request.Blob("CiphertextBlob") ?? throw AwsServiceException.ClientError("ValidationException", "1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy constraint: Member must not be null");
        var embeddedKeyId = KmsCiphertext.KeyIdOf(blob);
        if (embeddedKeyId is null || !_keys.TryGet(embeddedKeyId, out var key))
        {
            throw AwsServiceException.ClientError("InvalidCiphertextException", string.Empty);
        }

        if (request.String("KeyId") is { } requestedKey && _keys.Resolve(requestedKey).KeyId != key.KeyId)
        {
            throw AwsServiceException.ClientError("IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.");
        }

        var encryptionContext = request.EncryptionContext();
        call.Authorize("kms:Decrypt", key.Arn, KeyContext(key, encryptionContext));
        EnsureUsable(key);
        Count("Decrypt", key);
        var plaintext = KmsCiphertext.Decrypt(key, blob, encryptionContext)
            ?? throw AwsServiceException.ClientError("InvalidCiphertextException", string.Empty);
        return new JsonObject
        {
            ["KeyId"] = key.Arn,
            ["Plaintext"] = Convert.ToBase64String(plaintext),
            ["EncryptionAlgorithm"] = "SYMMETRIC_DEFAULT",
        };
    }

    private JsonObject ChangeState(KmsRequest request, LocalServiceCall call, string action, KmsKeyState state)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        call.Authorize(action, key.Arn, KeyContext(key));
        if (key.State == KmsKeyState.PendingDeletion)
        {
            throw PendingDeletion(key);
        }

        key.SetState(state);
        return new JsonObject();
    }

    private JsonObject ScheduleKeyDeletion(KmsRequest request, LocalServiceCall call)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        call.Authorize("kms:ScheduleKeyDeletion", key.Arn, KeyContext(key));
        var days = request.Int("PendingWindowInDays") ?? 30;
        if (days is < 7 or > 30)
        {
            throw AwsServiceException.ClientError("ValidationException", $"1 validation error detected: Value '{days}' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value between 7 and 30");
        }

        if (key.State == KmsKeyState.PendingDeletion)
        {
            throw PendingDeletion(key);
        }

        var deletionDate = _time.GetUtcNow().AddDays(days);
        key.SetState(KmsKeyState.PendingDeletion, deletionDate);
        return new JsonObject
        {
            ["KeyId"] = key.Arn,
            ["DeletionDate"] = deletionDate.ToUnixTimeMilliseconds() / 1000.0,
            ["KeyState"] = nameof(KmsKeyState.PendingDeletion),
            ["PendingWindowInDays"] = days,
        };
    }

    private JsonObject CancelKeyDeletion(KmsRequest request, LocalServiceCall call)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        call.Authorize("kms:CancelKeyDeletion", key.Arn, KeyContext(key));
        if (key.State != KmsKeyState.PendingDeletion)
        {
            throw AwsServiceException.ClientError("KMSInvalidStateException", $"{key.Arn} is not pending deletion.");
        }

        // KMS leaves a key whose deletion was cancelled disabled.
        key.SetState(KmsKeyState.Disabled);
        return new JsonObject { ["KeyId"] = key.Arn };
    }

    private JsonObject TagResource(KmsRequest request, LocalServiceCall call)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        var tags = request.Tags();
        var keys = KeyContext(key);
        foreach (var (name, value) in tags)
        {
            keys.Set("aws:RequestTag/" + name, value).Add("aws:TagKeys", name);
        }

        call.Authorize("kms:TagResource", key.Arn, keys);
        if (key.State == KmsKeyState.PendingDeletion)
        {
            throw PendingDeletion(key);
        }

        key.SetTags(tags);
        return new JsonObject();
    }

    private JsonObject UntagResource(KmsRequest request, LocalServiceCall call)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        call.Authorize("kms:UntagResource", key.Arn, KeyContext(key));
        key.RemoveTags(request.TagKeys());
        return new JsonObject();
    }

    private JsonObject ListResourceTags(KmsRequest request, LocalServiceCall call)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        call.Authorize("kms:ListResourceTags", key.Arn, KeyContext(key));
        var tags = new JsonArray();
        foreach (var (name, value) in key.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            tags.Add((JsonNode)new JsonObject { ["TagKey"] = name, ["TagValue"] = value });
        }

        return new JsonObject { ["Tags"] = tags, ["Truncated"] = false };
    }

    private static RequestContext KeyContext(KmsKey key, IReadOnlyDictionary<string, string>? encryptionContext = null)
    {
        var context = new RequestContext().Set("kms:CallerAccount", LocalAccount.Id);
        foreach (var (name, value) in key.Tags)
        {
            context.Set("aws:ResourceTag/" + name, value);
        }

        if (encryptionContext is not null)
        {
            context.Declare("kms:EncryptionContextKeys");
            foreach (var (name, value) in encryptionContext)
            {
                context.Set("kms:EncryptionContext:" + name, value).Add("kms:EncryptionContextKeys", name);
            }
        }

        return context;
    }

    private static void EnsureUsable(KmsKey key)
    {
        switch (key.State)
        {
            case KmsKeyState.Disabled:
                throw AwsServiceException.ClientError("DisabledException", $"{key.Arn} is disabled.");
            case KmsKeyState.PendingDeletion:
                throw PendingDeletion(key);
        }
    }

    private static AwsServiceException PendingDeletion(KmsKey key) => AwsServiceException.ClientError("KMSInvalidStateException", $"{key.Arn} is pending deletion.");

    private void Count(string action, KmsKey key)
    {
        _counters.Increment($"kms:{action}:key/{key.KeyId}");
        if (key.Tags.TryGetValue("TenantID", out var tenant))
        {
            _counters.Increment($"kms:{action}:tenant/{tenant}");
        }
    }

    private static JsonObject Metadata(KmsKey key)
    {
        var metadata = new JsonObject
        {
            ["AWSAccountId"] = LocalAccount.Id,
            ["KeyId"] = key.KeyId,
            ["Arn"] = key.Arn,
            ["CreationDate"] = key.CreatedAt.ToUnixTimeMilliseconds() / 1000.0,
            ["Enabled"] = key.State == KmsKeyState.Enabled,
            ["Description"] = key.Description,
            ["KeyUsage"] = "ENCRYPT_DECRYPT",
            ["KeyState"] = key.State.ToString(),
            ["Origin"] = "AWS_KMS",
            ["KeyManager"] = "CUSTOMER",
            ["CustomerMasterKeySpec"] = "SYMMETRIC_DEFAULT",
            ["KeySpec"] = "SYMMETRIC_DEFAULT",
            ["EncryptionAlgorithms"] = new JsonArray("SYMMETRIC_DEFAULT"),
            ["MultiRegion"] = false,
        };
        if (key.DeletionDate is { } deletion)
        {
            metadata["DeletionDate"] = deletion.ToUnixTimeMilliseconds() / 1000.0;
        }

        return metadata;
    }
}
