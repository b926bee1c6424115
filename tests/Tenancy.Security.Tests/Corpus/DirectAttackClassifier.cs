using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Tenancy.Security.Tests.Corpus;

/// <summary>Turns the platform's answer to one direct attempt into an outcome.</summary>
internal static class DirectAttackClassifier
{
    /// <summary>
    /// Runs <paramref name="attempt"/>: any AWS error (access denied above all, but also a refused key or a missing
    /// table) is a denial; a success is a leak when its payload holds victim data, otherwise empty.
    /// </summary>
    public static async Task<(Infrastructure.AttackOutcome Outcome, string Detail)> RunAsync(Func<Task<object?>> attempt, Func<string, bool> holdsVictimData)
    {
        object? response;
        try
        {
            response = await attempt();
        }
        catch (AmazonServiceException ex)
        {
            return (Infrastructure.AttackOutcome.Denied, ex.ErrorCode ?? ex.GetType().Name);
        }

        var text = Describe(response);
        return (holdsVictimData(text) ? Infrastructure.AttackOutcome.Leaked : Infrastructure.AttackOutcome.Empty, text);
    }

    private static string Describe(object? response) => response switch
    {
        null => string.Empty,
        GetItemResponse get => Items(get.Item is { Count: > 0 } item ? [item] : []),
        QueryResponse query => Items(query.Items) + Items(query.LastEvaluatedKey is { Count: > 0 } last ? [last] : []),
        ScanResponse scan => Items(scan.Items),
        BatchGetItemResponse batch => string.Concat((batch.Responses ?? []).Select(r => Items(r.Value))),
        TransactGetItemsResponse tx => Items((tx.Responses ?? []).Where(r => r.Item is { Count: > 0 }).Select(r => r.Item).ToList()),
        PutItemResponse put => Items(put.Attributes is { Count: > 0 } a ? [a] : []),
        UpdateItemResponse update => Items(update.Attributes is { Count: > 0 } a ? [a] : []),
        DeleteItemResponse delete => Items(delete.Attributes is { Count: > 0 } a ? [a] : []),
        Amazon.KeyManagementService.Model.DecryptResponse decrypt => System.Text.Encoding.UTF8.GetString(decrypt.Plaintext.ToArray()),
        string s => s,
        _ => response.GetType().Name,
    };

    private static string Items(IEnumerable<Dictionary<string, AttributeValue>>? items) =>
        JsonSerializer.Serialize((items ?? []).Select(i => i.ToDictionary(p => p.Key, p => p.Value.S ?? p.Value.N ?? (p.Value.M is { Count: > 0 } ? "map" : string.Empty))).ToList());
}
