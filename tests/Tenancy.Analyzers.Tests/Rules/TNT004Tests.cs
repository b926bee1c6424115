using Tenancy.Analyzers.Rules;
using Tenancy.Analyzers.Tests.Verification;

namespace Tenancy.Analyzers.Tests.Rules;

public sealed class TNT004Tests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.DynamoDBv2.DocumentModel;
        using Tenancy.Isolation;

        """;

    private const string Scans = """
        public sealed class Reports
        {
            public async Task RunAsync(IAmazonDynamoDB client, IDynamoDBContext context, Table table)
            {
                await {|#0:client.ScanAsync({|#1:new ScanRequest { TableName = "AppData", Segment = 0, TotalSegments = 4 }|})|};
                await {|#2:client.ExecuteStatementAsync({|#3:new ExecuteStatementRequest { Statement = "SELECT * FROM AppData" }|})|};
                await {|#4:client.BatchExecuteStatementAsync({|#5:new BatchExecuteStatementRequest()|})|};
                await {|#6:client.ExecuteTransactionAsync({|#7:new ExecuteTransactionRequest()|})|};
                _ = {|#8:table.Scan({|#9:new ScanOperationConfig()|})|};
                _ = {|#10:context.ScanAsync<Row>(new List<ScanCondition>())|};
                _ = {|#11:context.FromScanAsync<Row>({|#12:new ScanOperationConfig()|})|};
                _ = {|#13:client.Paginators.Scan({|#14:new ScanRequest()|})|};
            }
        }

        public sealed class Row { }
        """;

    [Fact]
    public Task Every_scan_and_PartiQL_spelling_is_reported()
    {
        var test = new AnalyzerTest<ScanAndPartiQLAnalyzer>(Usings + Scans);
        for (var i = 0; i <= 14; i++)
        {
            test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("TNT004", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(i));
        }

        return test.RunAsync();
    }

    [Fact]
    public Task Queries_and_gets_are_not_reported() =>
        AnalyzerTest<ScanAndPartiQLAnalyzer>.VerifyAsync(Usings + """
            public sealed class Reads
            {
                public async Task RunAsync(IAmazonDynamoDB client)
                {
                    await client.QueryAsync(new QueryRequest { TableName = "AppData", KeyConditionExpression = "PK = :pk" });
                    await client.GetItemAsync(new GetItemRequest());
                }
            }
            """);

    [Fact]
    public Task A_control_plane_assembly_may_scan() =>
        AnalyzerTest<ScanAndPartiQLAnalyzer>.VerifyAsync(Usings + """
            [assembly: ControlPlaneAssembly("Offboarding export: reviewed in SEC-7")]
            """ + Markup.Strip(Scans));
}
