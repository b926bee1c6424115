using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Tenancy.Local.Auth;
using Tenancy.Local.Hosting;
using Tenancy.Local.Iam;
using Tenancy.Local.Protocol;

namespace Tenancy.Local.Kms;

/// <summary>
/// Local KMS over JSON 1.1 (<c>X-Amz-Target: TrentService.*</c>): symmetric keys with real AES-256-GCM under a
/// per-key master secret, the encryption context bound as associated data, key states that make Decrypt and
/// GenerateDataKey fail like KMS (<c>DisabledException</c>, <c>KMSInvalidStateException</c>), and every call
/// checked against the caller's IAM policies with the request's <c>kms:EncryptionContext:*</c> and the key's tags.
/// </summary>
public sealed class KmsService
{
    public const string ContentType = "application/x-amz-json-1.1";
    private const string TargetPrefix = "TrentService.";

    private readonly KmsKeyStore _keys;
    private readonly SigV4Verifier _verifier;
    private readonly AccessAuthorizer _authorizer;
    private readonly LocalCloudCounters _counters;
    private readonly TimeProvider _time;

    public KmsService(KmsKeyStore keys, SigV4Verifier verifier, AccessAuthorizer authorizer, LocalCloudCounters counters, TimeProvider time)
    {
        _keys = keys;
        _verifier = verifier;
        _authorizer = authorizer;
        _counters = counters;
        _time = time;
    }

    public async Task HandleAsync(HttpContext context, byte[] body)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var action = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target;
        _counters.Increment($"kms:{action}");

        var auth = _verifier.Verify(context.Request, body);
        if (!auth.Succeeded)
        {
            var (status, code) = SigV4ErrorCodes.Json(auth.Failure);
            await AwsJsonResponse.WriteErrorAsync(context, status, code, auth.Message, ContentType).ConfigureAwait(false);
            return;
        }

        try
        {
            var request = KmsRequest.Parse(body);
            var response = Dispatch(action, request, auth.Principal!);
            await AwsJsonResponse.WriteAsync(context, response, ContentType).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            await AwsJsonResponse.WriteErrorAsync(context, 400, "SerializationException", "A request member has the wrong type.", ContentType).ConfigureAwait(false);
        }
        catch (KmsException ex)
        {
            if (ex.Type == "AccessDeniedException")
            {
                _counters.Increment($"denied:kms:{action}");
                _counters.Increment("denied:kms");
            }

            await AwsJsonResponse.WriteErrorAsync(context, 400, ex.Type, ex.Message, ContentType).ConfigureAwait(false);
        }
    }

    private JsonObject Dispatch(string action, KmsRequest request, LocalPrincipal caller) => action switch
    {
        "CreateKey" => CreateKey(request, caller),
        "CreateAlias" => CreateAlias(request, caller),
        "ListAliases" => ListAliases(request, caller),
        "DescribeKey" => DescribeKey(request, caller),
        "GenerateDataKey" => GenerateDataKey(request, caller, includePlaintext: true),
        "GenerateDataKeyWithoutPlaintext" => GenerateDataKey(request, caller, includePlaintext: false),
        "Encrypt" => Encrypt(request, caller),
        "Decrypt" => Decrypt(request, caller),
        "EnableKey" => ChangeState(request, caller, "kms:EnableKey", KmsKeyState.Enabled),
        "DisableKey" => ChangeState(request, caller, "kms:DisableKey", KmsKeyState.Disabled),
        "ScheduleKeyDeletion" => ScheduleKeyDeletion(request, caller),
        "CancelKeyDeletion" => CancelKeyDeletion(request, caller),
        "TagResource" => TagResource(request, caller),
        "UntagResource" => UntagResource(request, caller),
        "ListResourceTags" => ListResourceTags(request, caller),
        _ => throw new KmsException("UnsupportedOperationException", $"The local KMS does not support {action}."),
    };

    private JsonObject CreateKey(KmsRequest request, LocalPrincipal caller)
    {
        var tags = request.Tags();
        var keys = new RequestContext();
        foreach (var (key, value) in tags)
        {
            keys.Set("aws:RequestTag/" + key, value).Add("aws:TagKeys", key);
        }

        Authorize(caller, "kms:CreateKey", "*", keys);
        var spec = request.String("KeySpec") ?? request.String("CustomerMasterKeySpec") ?? "SYMMETRIC_DEFAULT";
        if (spec != "SYMMETRIC_DEFAULT" || (request.String("KeyUsage") ?? "ENCRYPT_DECRYPT") != "ENCRYPT_DECRYPT")
        {
            throw new KmsException("UnsupportedOperationException", "The local KMS supports only SYMMETRIC_DEFAULT ENCRYPT_DECRYPT keys.");
        }

        var created = _keys.Create(request.String("Description") ?? string.Empty, tags, _time.GetUtcNow());
        return new JsonObject { ["KeyMetadata"] = Metadata(created) };
    }

    private JsonObject CreateAlias(KmsRequest request, LocalPrincipal caller)
    {
        var alias = request.String("AliasName") ?? string.Empty;
        if (!alias.StartsWith("alias/", StringComparison.Ordinal) || alias.StartsWith("alias/aws/", StringComparison.Ordinal) || alias.Length is < 7 or > 256)
        {
            throw new KmsException("InvalidAliasNameException", $"Alias {alias} must begin with 'alias/' and must not begin with 'alias/aws/'.");
        }

        var key = _keys.Resolve(request.String("TargetKeyId"));
        Authorize(caller, "kms:CreateAlias", LocalAccount.AliasArn(alias), new RequestContext());
        Authorize(caller, "kms:CreateAlias", key.Arn, KeyContext(key));
        if (key.State == KmsKeyState.PendingDeletion)
        {
            throw PendingDeletion(key);
        }

        if (!_keys.TryAddAlias(alias, key.KeyId))
        {
            throw new KmsException("AlreadyExistsException", $"An alias with the name {LocalAccount.AliasArn(alias)} already exists");
        }

        return new JsonObject();
    }

    private JsonObject ListAliases(KmsRequest request, LocalPrincipal caller)
    {
        Authorize(caller, "kms:ListAliases", "*", new RequestContext());
        var filter = request.String("KeyId") is { } keyId ? _keys.Resolve(keyId).KeyId : null;
        var aliases = new JsonArray();
        foreach (var (alias, target) in _keys.Aliases.Where(a => filter is null || a.KeyId == filter))
        {
            aliases.Add((JsonNode)new JsonObject { ["AliasName"] = alias, ["AliasArn"] = LocalAccount.AliasArn(alias), ["TargetKeyId"] = target });
        }

        return new JsonObject { ["Aliases"] = aliases, ["Truncated"] = false };
    }

    private JsonObject DescribeKey(KmsRequest request, LocalPrincipal caller)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        Authorize(caller, "kms:DescribeKey", key.Arn, KeyContext(key));
        return new JsonObject { ["KeyMetadata"] = Metadata(key) };
    }

    private JsonObject GenerateDataKey(KmsRequest request, LocalPrincipal caller, bool includePlaintext)
    {
        var action = includePlaintext ? "GenerateDataKey" : "GenerateDataKeyWithoutPlaintext";
        var key = _keys.Resolve(request.String("KeyId"));
        var encryptionContext = request.EncryptionContext();
        Authorize(caller, "kms:" + action, key.Arn, KeyContext(key, encryptionContext));
        EnsureUsable(key);
        Count(action, key);

        var spec = request.String("KeySpec");
        var numberOfBytes = request.Int("NumberOfBytes");
        var length = (spec, numberOfBytes) switch
        {
            ("AES_256", null) => 32,
            ("AES_128", null) => 16,
            (null, >= 1 and <= 1024) => numberOfBytes.Value,
            (null, null) => throw new KmsException("ValidationException", "Please specify either number of bytes or key spec."),
            (not null, not null) => throw new KmsException("ValidationException", "Please specify either number of bytes or key spec."),
            (null, _) => throw new KmsException("ValidationException", $"1 validation error detected: Value '{numberOfBytes}' at 'numberOfBytes' failed to satisfy constraint: Member must have value between 1 and 1024"),
            _ => throw new KmsException("ValidationException", $"1 validation error detected: Value '{spec}' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]"),
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

    private JsonObject Encrypt(KmsRequest request, LocalPrincipal caller)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        var encryptionContext = request.EncryptionContext();
        Authorize(caller, "kms:Encrypt", key.Arn, KeyContext(key, encryptionContext));
        EnsureUsable(key);
        Count("Encrypt", key);
        var plaintext = request.Blob("Plaintext");
        if (plaintext is not { Length: >= 1 and <= 4096 })
        {
            throw new KmsException("ValidationException", "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length between 1 and 4096");
        }

        return new JsonObject
        {
            ["CiphertextBlob"] = Convert.ToBase64String(KmsCiphertext.Encrypt(key, plaintext, encryptionContext)),
            ["KeyId"] = key.Arn,
            ["EncryptionAlgorithm"] = "SYMMETRIC_DEFAULT",
        };
    }

    private JsonObject Decrypt(KmsRequest request, LocalPrincipal caller)
    {
        var blob = request.Blob("CiphertextBlob") ?? throw new KmsException("ValidationException", "1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy constraint: Member must not be null");
        var embeddedKeyId = KmsCiphertext.KeyIdOf(blob);
        if (embeddedKeyId is null || !_keys.TryGet(embeddedKeyId, out var key))
        {
            throw new KmsException("InvalidCiphertextException", string.Empty);
        }

        if (request.String("KeyId") is { } requestedKey && _keys.Resolve(requestedKey).KeyId != key.KeyId)
        {
            throw new KmsException("IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.");
        }

        var encryptionContext = request.EncryptionContext();
        Authorize(caller, "kms:Decrypt", key.Arn, KeyContext(key, encryptionContext));
        EnsureUsable(key);
        Count("Decrypt", key);
        var plaintext = KmsCiphertext.Decrypt(key, blob, encryptionContext)
            ?? throw new KmsException("InvalidCiphertextException", string.Empty);
        return new JsonObject
        {
            ["KeyId"] = key.Arn,
            ["Plaintext"] = Convert.ToBase64String(plaintext),
            ["EncryptionAlgorithm"] = "SYMMETRIC_DEFAULT",
        };
    }

    private JsonObject ChangeState(KmsRequest request, LocalPrincipal caller, string action, KmsKeyState state)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        Authorize(caller, action, key.Arn, KeyContext(key));
        if (key.State == KmsKeyState.PendingDeletion)
        {
            throw PendingDeletion(key);
        }

        key.SetState(state);
        return new JsonObject();
    }

    private JsonObject ScheduleKeyDeletion(KmsRequest request, LocalPrincipal caller)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        Authorize(caller, "kms:ScheduleKeyDeletion", key.Arn, KeyContext(key));
        var days = request.Int("PendingWindowInDays") ?? 30;
        if (days is < 7 or > 30)
        {
            throw new KmsException("ValidationException", $"1 validation error detected: Value '{days}' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value between 7 and 30");
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

    private JsonObject CancelKeyDeletion(KmsRequest request, LocalPrincipal caller)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        Authorize(caller, "kms:CancelKeyDeletion", key.Arn, KeyContext(key));
        if (key.State != KmsKeyState.PendingDeletion)
        {
            throw new KmsException("KMSInvalidStateException", $"{key.Arn} is not pending deletion.");
        }

        // KMS leaves a key whose deletion was cancelled disabled.
        key.SetState(KmsKeyState.Disabled);
        return new JsonObject { ["KeyId"] = key.Arn };
    }

    private JsonObject TagResource(KmsRequest request, LocalPrincipal caller)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        var tags = request.Tags();
        var keys = KeyContext(key);
        foreach (var (name, value) in tags)
        {
            keys.Set("aws:RequestTag/" + name, value).Add("aws:TagKeys", name);
        }

        Authorize(caller, "kms:TagResource", key.Arn, keys);
        if (key.State == KmsKeyState.PendingDeletion)
        {
            throw PendingDeletion(key);
        }

        key.SetTags(tags);
        return new JsonObject();
    }

    private JsonObject UntagResource(KmsRequest request, LocalPrincipal caller)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        Authorize(caller, "kms:UntagResource", key.Arn, KeyContext(key));
        key.RemoveTags(request.TagKeys());
        return new JsonObject();
    }

    private JsonObject ListResourceTags(KmsRequest request, LocalPrincipal caller)
    {
        var key = _keys.Resolve(request.String("KeyId"));
        Authorize(caller, "kms:ListResourceTags", key.Arn, KeyContext(key));
        var tags = new JsonArray();
        foreach (var (name, value) in key.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            tags.Add((JsonNode)new JsonObject { ["TagKey"] = name, ["TagValue"] = value });
        }

        return new JsonObject { ["Tags"] = tags, ["Truncated"] = false };
    }

    private void Authorize(LocalPrincipal caller, string action, string resource, RequestContext keys)
    {
        var result = _authorizer.Authorize(caller, action, resource, keys);
        if (!result.Allowed)
        {
            throw new KmsException("AccessDeniedException", result.Message);
        }
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
                throw new KmsException("DisabledException", $"{key.Arn} is disabled.");
            case KmsKeyState.PendingDeletion:
                throw PendingDeletion(key);
        }
    }

    private static KmsException PendingDeletion(KmsKey key) => new("KMSInvalidStateException", $"{key.Arn} is pending deletion.");

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
