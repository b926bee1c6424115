using Microsoft.CodeAnalysis;

namespace Tenancy.Analyzers.Model;

/// <summary>
/// The AWS SDK types that reach a data store without going through tenant keys: DynamoDB's low-level and streams
/// clients, the DocumentModel table/search/batch/transaction types, the DataModel context and its batch/transaction/
/// search types, the S3 client and transfer utility, and the KMS client — plus anything deriving from or implementing them.
/// </summary>
internal static class RawClientTypes
{
    public static bool IsRaw(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        if (IsRawDefinition(named))
        {
            return true;
        }

        for (var current = named.BaseType; current is not null; current = current.BaseType)
        {
            if (IsRawDefinition(current))
            {
                return true;
            }
        }

        foreach (var implemented in named.AllInterfaces)
        {
            if (IsRawDefinition(implemented))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Also looks into arrays and generic type arguments, e.g. <c>List&lt;IAmazonS3&gt;</c> or <c>AddSingleton&lt;IAmazonDynamoDB&gt;</c>.</summary>
    public static bool MentionsRaw(ITypeSymbol? type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return MentionsRaw(array.ElementType);
            case INamedTypeSymbol named:
                if (IsRaw(named))
                {
                    return true;
                }

                foreach (var argument in named.TypeArguments)
                {
                    if (MentionsRaw(argument))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsRawDefinition(INamedTypeSymbol type)
    {
        var name = type.OriginalDefinition.Name;
        switch (type.ContainingNamespace?.ToDisplayString())
        {
            case "Amazon.DynamoDBv2":
                return name is "IAmazonDynamoDB" or "AmazonDynamoDBClient" or "IAmazonDynamoDBStreams" or "AmazonDynamoDBStreamsClient";
            case "Amazon.DynamoDBv2.DocumentModel":
                return name is "Table" or "ITable" or "TableBuilder" or "ITableBuilder" or "Search" or "ISearch" or "SearchVectors" or "ISearchVectors"
                    || name.Contains("DocumentBatch")
                    || name.Contains("DocumentTransact");
            case "Amazon.DynamoDBv2.DataModel":
                return name is "DynamoDBContext" or "IDynamoDBContext" or "DynamoDBContextBuilder" or "IDynamoDBContextBuilder" or "AsyncSearch" or "IAsyncSearch" or "AsyncSearchVectors" or "IAsyncSearchVectors"
                    || name.StartsWith("BatchGet", System.StringComparison.Ordinal) && !name.EndsWith("Config", System.StringComparison.Ordinal)
                    || name.StartsWith("BatchWrite", System.StringComparison.Ordinal) && !name.EndsWith("Config", System.StringComparison.Ordinal)
                    || name.StartsWith("IBatch", System.StringComparison.Ordinal)
                    || name.StartsWith("MultiTable", System.StringComparison.Ordinal)
                    || name.StartsWith("IMultiTable", System.StringComparison.Ordinal)
                    || name.StartsWith("TransactGet", System.StringComparison.Ordinal) && !name.EndsWith("Config", System.StringComparison.Ordinal)
                    || name.StartsWith("TransactWrite", System.StringComparison.Ordinal) && !name.EndsWith("Config", System.StringComparison.Ordinal)
                    || name.StartsWith("ITransact", System.StringComparison.Ordinal);
            case "Amazon.S3":
                return name is "IAmazonS3" or "AmazonS3Client";
            case "Amazon.S3.Transfer":
                return name is "ITransferUtility" or "TransferUtility";
            case "Amazon.KeyManagementService":
                return name is "IAmazonKeyManagementService" or "AmazonKeyManagementServiceClient";
            default:
                return false;
        }
    }
}
