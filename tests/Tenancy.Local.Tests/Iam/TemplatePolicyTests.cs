using Tenancy.Local.Emulator.Iam;
using Tenancy.Local.Emulator.Template;

namespace Tenancy.Local.Tests.Iam;

public sealed class TemplatePolicyTests
{
    private static string TemplatePath => Path.Combine(RepositoryRoot.Find()!, "template.yaml");

    [Fact]
    public void Loads_the_tenant_data_role_verbatim_from_template_yaml()
    {
        var template = TenancyTemplate.Load(TemplatePath);
        var role = template.Role("TenantDataRole");

        Assert.Equal("arn:aws:iam::000000000000:role/TenantDataRole", role.Arn);
        Assert.Equal(3600, role.MaxSessionDurationSeconds);
        var policy = Assert.Single(role.IdentityPolicies);
        Assert.Equal("tenant-data-abac", policy.Name);
        var items = policy.Statements.Single(s => s.Sid == "TenantItemsOnly");
        Assert.Equal(
            [
                "arn:aws:dynamodb:us-east-1:000000000000:table/AppData",
                "arn:aws:dynamodb:us-east-1:000000000000:table/AppData/index/*",
                "arn:aws:dynamodb:us-east-1:000000000000:table/AppData-${aws:PrincipalTag/TenantID}",
                "arn:aws:dynamodb:us-east-1:000000000000:table/AppData-${aws:PrincipalTag/TenantID}/index/*",
            ],
            items.Resources);
        Assert.DoesNotContain("dynamodb:Scan", items.Actions!);
        Assert.Contains(items.Conditions, c => c.Operator.Text == "ForAllValues:StringLike" && c.Key == "dynamodb:LeadingKeys"
            && c.Values.SequenceEqual(["TENANT#${aws:PrincipalTag/TenantID}", "TENANT#${aws:PrincipalTag/TenantID}#*"]));
        Assert.Contains(items.Conditions, c => c.Operator.Comparison == ConditionComparison.Null && c.Values.SequenceEqual(["false"]));

        var trust = Assert.Single(role.TrustPolicy.Statements);
        Assert.Equal(["arn:aws:iam::000000000000:role/ApiFunctionRole"], trust.Principal!.ByType["AWS"]);
        Assert.Equal(["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"], trust.Actions);
    }

    [Fact]
    public void The_api_role_gets_its_inline_and_attached_policies_and_nothing_on_tenant_data()
    {
        var template = TenancyTemplate.Load(TemplatePath);
        var api = template.Role("ApiFunctionRole");
        Assert.Equal(["registry-read-and-vend", "vend-tenant-credentials"], api.IdentityPolicies.Select(p => p.Name));

        var none = new RequestContext();
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate(api.IdentityPolicies, "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:000000000000:table/TenantRegistry", none));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate(api.IdentityPolicies, "sts:AssumeRole", "arn:aws:iam::000000000000:role/TenantDataRole", none));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate(api.IdentityPolicies, "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:000000000000:table/AppData", none));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate(api.IdentityPolicies, "kms:Decrypt", "arn:aws:kms:us-east-1:000000000000:key/x", none));
    }

    [Fact]
    public void Reads_the_tables_and_honours_parameter_overrides()
    {
        var template = TenancyTemplate.Load(TemplatePath, new Dictionary<string, string> { ["AppDataTableName"] = "Data" });
        var appData = template.Table("AppDataTable");
        Assert.Equal("Data", appData.TableName);
        Assert.Equal(new TemplateKeySchema("PK", "SK"), appData.KeySchema);
        Assert.Equal(new TemplateKeySchema("GSI1PK", "GSI1SK"), appData.GlobalSecondaryIndexes["GSI1"]);
        Assert.Equal(new TemplateKeySchema("TenantId", null), template.Table("TenantRegistryTable").KeySchema);
        Assert.Contains("arn:aws:dynamodb:us-east-1:000000000000:table/Data-${aws:PrincipalTag/TenantID}", template.Role("TenantDataRole").IdentityPolicies[0].Statements[0].Resources!);
    }

    [Fact]
    public void Resolves_short_and_long_intrinsics_and_literal_escapes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tenancy-template-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            Parameters:
              Prefix: { Type: String, Default: pre }
            Resources:
              Things:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub '${Prefix}-things'
                  AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
                  KeySchema: [{ AttributeName: id, KeyType: HASH }]
              Reader:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: reader
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }
                        Action: sts:AssumeRole
                  Policies:
                    - PolicyName: p
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: dynamodb:GetItem
                            Resource:
                              - !GetAtt Things.Arn
                              - { 'Fn::GetAtt': [Things, Arn] }
                              - !Sub ['${Base}/index/${!Literal}', { Base: !GetAtt Things.Arn }]
                              - !Join ['', ['arn:aws:s3:::', !Ref Prefix, '/*']]
                              - !Sub '${Things.Arn}-x'
            """);
        try
        {
            var template = TenancyTemplate.Load(path);
            var role = template.Role("Reader");
            Assert.Equal("arn:aws:iam::000000000000:role/reader", role.Arn);
            Assert.Equal(["arn:aws:iam::000000000000:root"], role.TrustPolicy.Statements[0].Principal!.ByType["AWS"]);
            Assert.Equal(
                [
                    "arn:aws:dynamodb:us-east-1:000000000000:table/pre-things",
                    "arn:aws:dynamodb:us-east-1:000000000000:table/pre-things",
                    "arn:aws:dynamodb:us-east-1:000000000000:table/pre-things/index/${Literal}",
                    "arn:aws:s3:::pre/*",
                    "arn:aws:dynamodb:us-east-1:000000000000:table/pre-things-x",
                ],
                role.IdentityPolicies[0].Statements[0].Resources);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
