using Tenancy.Testing;
using YamlDotNet.RepresentationModel;
using static Tenancy.Isolation.Tests.Template.CloudFormationYaml;

namespace Tenancy.Isolation.Tests.Template;

/// <summary>
/// template.yaml lints clean and keeps the isolation invariants of the tenant-scoped role: a refactor of the template
/// that weakens the ABAC policy or gives the function's own role data access fails here.
/// </summary>
public sealed class TemplateTests
{
    private const string TenantTag = "${aws:PrincipalTag/TenantID}";
    private static readonly string TemplatePath = RepositoryFiles.PathOf("template.yaml");
    private readonly CloudFormationYaml _template = Load(TemplatePath);

    [CfnLintFact]
    public void Template_passes_cfn_lint_with_the_sam_transform()
    {
        var (exitCode, output) = CfnLint.Run(TemplatePath, RepositoryFiles.Root);

        Assert.True(exitCode == 0, $"cfn-lint template.yaml exited {exitCode}:\n{output}");
    }

    [Fact]
    public void Tenant_items_statement_requires_tenant_leading_keys_with_a_null_guard()
    {
        var statement = TenantDataStatement("TenantItemsOnly");
        var condition = Find(statement, "Condition")!;

        var leadingKeys = Strings(Find(Map(condition, "ForAllValues:StringLike"), "dynamodb:LeadingKeys"));
        Assert.Equal([$"TENANT#{TenantTag}", $"TENANT#{TenantTag}#*"], leadingKeys);
        Assert.Equal("false", Text(Find(Map(condition, "Null"), "dynamodb:LeadingKeys")!));

        var resources = Strings(Find(statement, "Resource"));
        Assert.Contains(resources, r => r.EndsWith("table/${AppDataTableName}", StringComparison.Ordinal));
        Assert.Contains(resources, r => r.EndsWith("table/${AppDataTableName}/index/*", StringComparison.Ordinal));
        Assert.Contains(resources, r => r.EndsWith("table/${AppDataTableName}-${!aws:PrincipalTag/TenantID}", StringComparison.Ordinal));
        Assert.Contains(resources, r => r.EndsWith("table/${AppDataTableName}-${!aws:PrincipalTag/TenantID}/index/*", StringComparison.Ordinal));
    }

    [Fact]
    public void Tenant_data_role_allows_no_scan_partiql_or_wildcard_actions()
    {
        var actions = PolicyStatements(_template.Resource("TenantDataRole")).SelectMany(s => Strings(Find(s, "Action"))).ToList();

        Assert.NotEmpty(actions);
        Assert.DoesNotContain(actions, a => a.Contains('*', StringComparison.Ordinal));
        Assert.DoesNotContain(actions, a => a.Equals("dynamodb:Scan", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(actions, a => a.StartsWith("dynamodb:PartiQL", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(actions, a => a.Equals("dynamodb:ExecuteStatement", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(actions, a => a.StartsWith("dynamodb:BatchExecuteStatement", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(actions, a => a.StartsWith("dynamodb:ExecuteTransaction", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_kms_statement_of_the_tenant_role_requires_the_tenant_encryption_context_and_key_tag()
    {
        var kmsStatements = PolicyStatements(_template.Resource("TenantDataRole"))
            .Where(s => Strings(Find(s, "Action")).Any(a => a.StartsWith("kms:", StringComparison.Ordinal)))
            .ToList();

        Assert.NotEmpty(kmsStatements);
        foreach (var statement in kmsStatements)
        {
            var equals = Map(Map(statement, "Condition"), "StringEquals");
            Assert.Equal(TenantTag, Text(Find(equals, "kms:EncryptionContext:tenant")!));
            Assert.Equal(TenantTag, Text(Find(equals, "aws:ResourceTag/TenantID")!));
            Assert.Equal(["tenant"], Strings(Find(Map(Map(statement, "Condition"), "ForAllValues:StringEquals"), "kms:EncryptionContextKeys")));
        }
    }

    [Fact]
    public void S3_statements_confine_objects_and_listing_to_the_tenant_prefix()
    {
        var objects = TenantDataStatement("TenantObjectsOnly");
        Assert.EndsWith("/tenants/${!aws:PrincipalTag/TenantID}/*", Strings(Find(objects, "Resource")).Single(), StringComparison.Ordinal);

        var listing = TenantDataStatement("ListTenantPrefixOnly");
        Assert.Equal(["s3:ListBucket"], Strings(Find(listing, "Action")));
        var prefixes = Strings(Find(Map(Map(listing, "Condition"), "StringLike"), "s3:prefix"));
        Assert.Equal([$"tenants/{TenantTag}/", $"tenants/{TenantTag}/*"], prefixes);
    }

    [Fact]
    public void Api_function_role_has_no_tenant_data_permissions()
    {
        var statements = PolicyStatements(_template.Resource("ApiFunctionRole"))
            .Concat(_template.Resources()
                .Where(r => Text(Find(r.Resource, "Type")!) == "AWS::IAM::Policy"
                    && Strings(Find(Map(r.Resource, "Properties"), "Roles")).Contains("ApiFunctionRole"))
                .SelectMany(r => PolicyStatements(r.Resource)))
            .ToList();

        var allowed = new HashSet<string>(StringComparer.Ordinal)
        {
            "dynamodb:GetItem", "sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity",
        };
        foreach (var statement in statements)
        {
            var actions = Strings(Find(statement, "Action"));
            Assert.All(actions, a => Assert.Contains(a, allowed));
            var resource = Find(statement, "Resource")!;
            if (actions.Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)))
            {
                Assert.Equal(("!GetAtt", "TenantRegistryTable.Arn"), (TagOf(resource), Text(resource)));
            }
            else
            {
                // Only the tenant roles (full data, or read-only support) may be assumed; never anything broader.
                var roles = resource is YamlSequenceNode list ? list.Children.ToList() : [resource];
                Assert.All(roles, r => Assert.Contains((TagOf(r), Text(r)), new[] { ("!GetAtt", "TenantDataRole.Arn"), ("!GetAtt", "TenantSupportReadRole.Arn") }));
                Assert.Contains(roles, r => (TagOf(r), Text(r)) == ("!GetAtt", "TenantDataRole.Arn"));
            }
        }

        Assert.Contains(statements, s => Strings(Find(s, "Action")).Contains("sts:AssumeRole"));
    }

    [Fact]
    public void Tenant_data_role_trusts_only_the_api_role_and_requires_a_tenant_tag()
    {
        var trust = Map(Map(_template.Resource("TenantDataRole"), "Properties"), "AssumeRolePolicyDocument");
        var statement = (YamlMappingNode)((YamlSequenceNode)Find(trust, "Statement")!).Children.Single();

        Assert.Equal("Allow", Text(Find(statement, "Effect")!));
        var principal = (YamlMappingNode)Find(statement, "Principal")!;
        Assert.Equal(["AWS"], principal.Children.Keys.Select(Text));
        var principalArn = Find(principal, "AWS")!;
        Assert.Equal(("!GetAtt", "ApiFunctionRole.Arn"), (TagOf(principalArn), Text(principalArn)));
        Assert.Equal(["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"], Strings(Find(statement, "Action")).Order(StringComparer.Ordinal));
        Assert.Equal("?*", Text(Find(Map(Map(statement, "Condition"), "StringLike"), "aws:RequestTag/TenantID")!));
    }

    [Fact]
    public void Api_function_is_an_aot_bootstrap_built_by_the_makefile_under_its_own_role()
    {
        var function = _template.Resource("ApiFunction");
        var properties = Map(function, "Properties");
        var globals = Map(Map(_template.Root, "Globals"), "Function");
        string Setting(string name) => Text(Find(properties, name) ?? Find(globals, name)!);

        Assert.Equal("AWS::Serverless::Function", Text(Find(function, "Type")!));
        Assert.Equal("makefile", Text(Find(Map(function, "Metadata"), "BuildMethod")!));
        Assert.Equal("provided.al2023", Setting("Runtime"));
        Assert.Equal("bootstrap", Setting("Handler"));
        var role = Find(properties, "Role")!;
        Assert.Equal(("!GetAtt", "ApiFunctionRole.Arn"), (TagOf(role), Text(role)));
        var variables = Map(Map(properties, "Environment"), "Variables");
        Assert.Equal(("!GetAtt", "TenantDataRole.Arn"), (TagOf(Find(variables, "TENANCY_TENANT_DATA_ROLE_ARN")!), Text(Find(variables, "TENANCY_TENANT_DATA_ROLE_ARN")!)));

        var makefile = File.ReadAllText(RepositoryFiles.PathOf("Makefile"));
        Assert.Contains("build-ApiFunction:", makefile, StringComparison.Ordinal);
        Assert.Contains("src/Tenancy.Api", makefile, StringComparison.Ordinal);
        Assert.Contains("$(ARTIFACTS_DIR)/bootstrap", makefile, StringComparison.Ordinal);
    }

    [Fact]
    public void Rest_api_routes_every_method_through_the_lambda_authorizer()
    {
        var auth = Map(Map(_template.Resource("TenantApi"), "Properties"), "Auth");
        var authorizerName = Text(Find(auth, "DefaultAuthorizer")!);
        var authorizer = Map(Map(auth, "Authorizers"), authorizerName);

        Assert.Equal("REQUEST", Text(Find(authorizer, "FunctionPayloadType")!));
        var functionArn = Find(authorizer, "FunctionArn")!;
        Assert.Equal(("!GetAtt", "AuthorizerFunction.Arn"), (TagOf(functionArn), Text(functionArn)));
    }

    [Fact]
    public void Support_role_reads_only_named_non_sensitive_attributes_of_its_own_tenant()
    {
        var statements = PolicyStatements(_template.Resource("TenantSupportReadRole")).ToList();
        var actions = statements.SelectMany(s => Strings(Find(s, "Action"))).ToList();
        Assert.Equal(["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query"], actions.Order(StringComparer.Ordinal));

        var condition = Map(Assert.Single(statements), "Condition");
        Assert.Equal([$"TENANT#{TenantTag}", $"TENANT#{TenantTag}#*"], Strings(Find(Map(condition, "ForAllValues:StringLike"), "dynamodb:LeadingKeys")));
        var allowed = Strings(Find(Map(condition, "ForAllValues:StringEquals"), "dynamodb:Attributes"));
        Assert.DoesNotContain("CustomerEmail", allowed);
        Assert.DoesNotContain("CustomerName", allowed);
        Assert.DoesNotContain("Lines", allowed);
        Assert.Equal("SPECIFIC_ATTRIBUTES", Text(Find(Map(condition, "StringEquals"), "dynamodb:Select")!));
        Assert.Equal("NONE", Text(Find(Map(condition, "StringEqualsIfExists"), "dynamodb:ReturnValues")!));
        var nullGuard = Map(condition, "Null");
        Assert.Equal("false", Text(Find(nullGuard, "dynamodb:LeadingKeys")!));
        Assert.Equal("false", Text(Find(nullGuard, "dynamodb:Attributes")!));
    }

    private YamlMappingNode TenantDataStatement(string sid) =>
        PolicyStatements(_template.Resource("TenantDataRole")).Single(s => Find(s, "Sid") is { } id && Text(id) == sid);
}
