using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Services.Kms;

namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>
/// <c>aws-sdk:kms:*</c> tasks against the local KMS key store (the same keys the local KMS endpoint serves): the
/// lifecycle actions the tenant workflows use, with KMS's error names under the <c>Kms.</c> prefix.
/// </summary>
public sealed class KmsTaskHandler : IAwsSdkTaskHandler
{
    private readonly KmsKeyStore _keys;
    private readonly TimeProvider _time;

    public KmsTaskHandler(KmsKeyStore keys, TimeProvider time)
    {
        _keys = keys;
        _time = time;
    }

    public string Service => "kms";

    public Task<StateMachineTaskOutcome> HandleAsync(string action, JsonNode? parameters, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(StateMachineTaskOutcome.Success(action switch
            {
                "createKey" => CreateKey(parameters),
                "createAlias" => CreateAlias(parameters),
                "deleteAlias" => DeleteAlias(parameters),
                "describeKey" => Metadata(_keys.Resolve(Text(parameters, "KeyId"))),
                "scheduleKeyDeletion" => ScheduleKeyDeletion(parameters),
                _ => throw AwsServiceException.ClientError("UnsupportedOperationException", $"The local KMS does not run '{action}' as a task."),
            }));
        }
        catch (AwsServiceException e)
        {
            return Task.FromResult(StateMachineTaskOutcome.Failure($"Kms.{ErrorName(e.Code)}", e.Message));
        }
    }

    private JsonObject CreateKey(JsonNode? parameters)
    {
        var tags = (parameters?["Tags"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .ToDictionary(t => Text(t, "TagKey"), t => Text(t, "TagValue"), StringComparer.Ordinal);
        var key = _keys.Create(parameters?["Description"]?.GetValue<string>() ?? string.Empty, tags, _time.GetUtcNow());
        return Metadata(key);
    }

    private JsonObject CreateAlias(JsonNode? parameters)
    {
        var alias = Text(parameters, "AliasName");
        var key = _keys.Resolve(Text(parameters, "TargetKeyId"));
        return _keys.TryAddAlias(alias, key.KeyId)
            ? new JsonObject()
            : throw AwsServiceException.ClientError("AlreadyExistsException", $"An alias with the name {LocalAccount.AliasArn(alias)} already exists");
    }

    private JsonObject DeleteAlias(JsonNode? parameters)
    {
        var alias = Text(parameters, "AliasName");
        return _keys.TryRemoveAlias(alias)
            ? new JsonObject()
            : throw AwsServiceException.ClientError("NotFoundException", $"Alias {LocalAccount.AliasArn(alias)} is not found.");
    }

    private JsonObject ScheduleKeyDeletion(JsonNode? parameters)
    {
        var key = _keys.Resolve(Text(parameters, "KeyId"));
        var days = parameters?["PendingWindowInDays"]?.GetValue<int>() ?? 30;
        if (days is < 7 or > 30)
        {
            throw AwsServiceException.ClientError("ValidationException", $"PendingWindowInDays must be between 7 and 30, not {days}.");
        }

        if (key.State == KmsKeyState.PendingDeletion)
        {
            throw AwsServiceException.ClientError("KMSInvalidStateException", $"{key.Arn} is pending deletion.");
        }

        var deletionDate = _time.GetUtcNow().AddDays(days);
        key.SetState(KmsKeyState.PendingDeletion, deletionDate);
        return new JsonObject
        {
            ["KeyId"] = key.Arn,
            ["KeyState"] = nameof(KmsKeyState.PendingDeletion),
            ["DeletionDate"] = deletionDate.ToUnixTimeSeconds(),
            ["PendingWindowInDays"] = days,
        };
    }

    private static JsonObject Metadata(KmsKey key) => new()
    {
        ["KeyMetadata"] = new JsonObject
        {
            ["KeyId"] = key.KeyId,
            ["Arn"] = key.Arn,
            ["KeyState"] = key.State.ToString(),
            ["Description"] = key.Description,
        },
    };

    /// <summary>Step Functions names errors after the SDK's exception classes: KMSInvalidStateException becomes KmsInvalidStateException.</summary>
    private static string ErrorName(string code) => code.StartsWith("KMS", StringComparison.Ordinal) ? "Kms" + code[3..] : code;

    private static string Text(JsonNode? parameters, string name) =>
        parameters?[name]?.GetValue<string>()
            ?? throw AwsServiceException.ClientError("ValidationException", $"{name} is required.");
}
