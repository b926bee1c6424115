using Tenancy.Local.Emulator.Iam;

namespace Tenancy.Local.Tests.Iam;

public sealed class PolicyEvaluatorTests
{
    private const string Table = "arn:aws:dynamodb:us-east-1:000000000000:table/AppData";

    private static PolicyDocument Policy(string statementsJson) =>
        PolicyDocumentParser.ParseJson("test", $$"""{"Version":"2012-10-17","Statement":[{{statementsJson}}]}""");

    private static RequestContext Session(string tenant, params string[] leadingKeys)
    {
        var context = new RequestContext().Set("aws:PrincipalTag/TenantID", tenant);
        foreach (var key in leadingKeys)
        {
            context.Add("dynamodb:LeadingKeys", key);
        }

        return context;
    }

    private const string LeadingKeysAllow = """
        {"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query","dynamodb:Scan"],"Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/AppData",
         "Condition":{"ForAllValues:StringLike":{"dynamodb:LeadingKeys":["TENANT#${aws:PrincipalTag/TenantID}","TENANT#${aws:PrincipalTag/TenantID}#*"]}
        """;

    [Fact]
    public void ForAllValues_without_a_Null_guard_allows_a_Scan_and_with_the_guard_denies_it()
    {
        var unguarded = Policy(LeadingKeysAllow + "}}");
        var guarded = Policy(LeadingKeysAllow + ""","Null":{"dynamodb:LeadingKeys":"false"}}}""");
        var scan = Session("acme");

        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([unguarded], "dynamodb:Scan", Table, scan));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([guarded], "dynamodb:Scan", Table, scan));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([guarded], "dynamodb:GetItem", Table, Session("acme", "TENANT#acme")));
    }

    [Theory]
    [InlineData("TENANT#acme", true)]
    [InlineData("TENANT#acme#ORDERS", true)]
    [InlineData("TENANT#acme#", true)]
    [InlineData("TENANT#acme2", false)]
    [InlineData("TENANT#acmex#ORDERS", false)]
    [InlineData("TENANT#globex", false)]
    [InlineData("tenant#acme", false)]
    [InlineData("TENANT#", false)]
    public void LeadingKeys_must_be_the_tenants_own_partition(string leadingKey, bool allowed)
    {
        var policy = Policy(LeadingKeysAllow + ""","Null":{"dynamodb:LeadingKeys":"false"}}}""");
        var decision = PolicyEvaluator.Evaluate([policy], "dynamodb:GetItem", Table, Session("acme", leadingKey));
        Assert.Equal(allowed ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny, decision);
    }

    [Fact]
    public void One_foreign_key_among_many_denies_under_ForAllValues_but_allows_under_ForAnyValue()
    {
        var all = Policy(LeadingKeysAllow + "}}");
        var any = Policy(LeadingKeysAllow.Replace("ForAllValues", "ForAnyValue", StringComparison.Ordinal) + "}}");
        var mixed = Session("acme", "TENANT#acme", "TENANT#globex");

        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([all], "dynamodb:GetItem", Table, mixed));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([any], "dynamodb:GetItem", Table, mixed));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([any], "dynamodb:GetItem", Table, Session("acme")));
    }

    [Fact]
    public void A_wildcard_in_a_tag_value_is_matched_literally()
    {
        var policy = Policy(LeadingKeysAllow + ""","Null":{"dynamodb:LeadingKeys":"false"}}}""");
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([policy], "dynamodb:GetItem", Table, Session("*", "TENANT#acme")));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([policy], "dynamodb:GetItem", Table, Session("?cme", "TENANT#acme")));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([policy], "dynamodb:GetItem", Table, Session("*", "TENANT#*")));
    }

    [Fact]
    public void A_missing_principal_tag_makes_variables_match_nothing()
    {
        var policy = Policy("""{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/AppData-${aws:PrincipalTag/TenantID}"}""");
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([policy], "dynamodb:GetItem", Table + "-acme", Session("acme")));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([policy], "dynamodb:GetItem", Table + "-acme", new RequestContext()));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([policy], "dynamodb:GetItem", Table + "-", new RequestContext()));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([policy], "dynamodb:GetItem", Table + "-globex", Session("acme")));
    }

    [Fact]
    public void Actions_match_with_wildcards_case_insensitively_and_NotAction_inverts()
    {
        var policy = Policy("""{"Effect":"Allow","Action":"DynamoDB:Get*","Resource":"*"}""");
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([policy], "dynamodb:GetItem", Table, new RequestContext()));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([policy], "dynamodb:PutItem", Table, new RequestContext()));

        var notAction = Policy("""{"Effect":"Allow","NotAction":"dynamodb:Scan","Resource":"*"}""");
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([notAction], "dynamodb:Query", Table, new RequestContext()));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([notAction], "dynamodb:Scan", Table, new RequestContext()));
    }

    [Theory]
    [InlineData("arn:aws:dynamodb:*:*:table/AppData", Table, true)]
    [InlineData("arn:aws:dynamodb:us-east-1:000000000000:table/AppData", Table + "-acme", false)]
    [InlineData("arn:aws:dynamodb:us-east-1:000000000000:table/AppData/index/*", Table + "/index/GSI1", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:000000000000:table/AppData/index/*", Table, false)]
    [InlineData("arn:aws:dynamodb:us-east-?:000000000000:table/App*", Table, true)]
    [InlineData("arn:aws:kms:us-east-1:000000000000:key/*", Table, false)]
    public void Resources_match_arn_parts_with_wildcards(string pattern, string resource, bool matches)
    {
        var policy = Policy($$"""{"Effect":"Allow","Action":"*","Resource":"{{pattern}}"}""");
        Assert.Equal(matches ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([policy], "dynamodb:GetItem", resource, new RequestContext()));
    }

    [Fact]
    public void Explicit_deny_beats_allow()
    {
        var allow = Policy("""{"Effect":"Allow","Action":"*","Resource":"*"}""");
        var deny = Policy("""{"Effect":"Deny","Action":"dynamodb:DeleteItem","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/TenantID":"acme"}}}""");
        Assert.Equal(PolicyDecision.ExplicitDeny, PolicyEvaluator.Evaluate([allow, deny], "dynamodb:DeleteItem", Table, Session("acme")));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([allow, deny], "dynamodb:DeleteItem", Table, Session("globex")));
    }

    [Fact]
    public void StringEquals_with_a_policy_variable_compares_to_the_principal_tag()
    {
        var policy = Policy("""
            {"Effect":"Allow","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{
              "kms:EncryptionContext:tenant":"${aws:PrincipalTag/TenantID}","aws:ResourceTag/TenantID":"${aws:PrincipalTag/TenantID}"}}}
            """);
        static RequestContext Request(string context, string keyTag) => Session("acme").Set("kms:EncryptionContext:tenant", context).Set("aws:ResourceTag/TenantID", keyTag);

        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([policy], "kms:Decrypt", "k", Request("acme", "acme")));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([policy], "kms:Decrypt", "k", Request("globex", "acme")));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([policy], "kms:Decrypt", "k", Request("acme", "globex")));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([policy], "kms:Decrypt", "k", Session("acme").Set("aws:ResourceTag/TenantID", "acme")));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([policy], "kms:Decrypt", "k", Request("ACME", "acme")));
    }

    [Fact]
    public void Missing_keys_follow_iam_rules_for_negated_IfExists_Null_and_Bool()
    {
        static PolicyDecision Evaluate(string condition, RequestContext context) =>
            PolicyEvaluator.Evaluate([Policy($$"""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{{condition}}}""")], "s3:GetObject", "*", context);

        var empty = new RequestContext();
        Assert.Equal(PolicyDecision.Allow, Evaluate("""{"StringNotEquals":{"aws:PrincipalTag/Team":"red"}}""", empty));
        Assert.Equal(PolicyDecision.ImplicitDeny, Evaluate("""{"StringEquals":{"aws:PrincipalTag/Team":"red"}}""", empty));
        Assert.Equal(PolicyDecision.Allow, Evaluate("""{"StringEqualsIfExists":{"aws:PrincipalTag/Team":"red"}}""", empty));
        Assert.Equal(PolicyDecision.ImplicitDeny, Evaluate("""{"StringEqualsIfExists":{"aws:PrincipalTag/Team":"red"}}""", new RequestContext().Set("aws:PrincipalTag/Team", "blue")));
        Assert.Equal(PolicyDecision.Allow, Evaluate("""{"Null":{"aws:PrincipalTag/Team":"true"}}""", empty));
        Assert.Equal(PolicyDecision.ImplicitDeny, Evaluate("""{"Null":{"aws:PrincipalTag/Team":"false"}}""", empty));
        Assert.Equal(PolicyDecision.Allow, Evaluate("""{"Bool":{"aws:SecureTransport":"false"}}""", new RequestContext().Set("aws:SecureTransport", "false")));
        Assert.Equal(PolicyDecision.ImplicitDeny, Evaluate("""{"Bool":{"aws:SecureTransport":"true"}}""", new RequestContext().Set("aws:SecureTransport", "false")));
        Assert.Equal(PolicyDecision.Allow, Evaluate("""{"StringLike":{"aws:RequestTag/TenantID":"?*"}}""", new RequestContext().Set("aws:RequestTag/TenantID", "a")));
        Assert.Equal(PolicyDecision.ImplicitDeny, Evaluate("""{"StringLike":{"aws:RequestTag/TenantID":"?*"}}""", new RequestContext().Set("aws:RequestTag/TenantID", string.Empty)));
        Assert.Equal(PolicyDecision.Allow, Evaluate("""{"StringLike":{"s3:prefix":"a${*}b"}}""", new RequestContext().Set("s3:prefix", "a*b")));
        Assert.Equal(PolicyDecision.ImplicitDeny, Evaluate("""{"StringLike":{"s3:prefix":"a${*}b"}}""", new RequestContext().Set("s3:prefix", "axxb")));
        Assert.Equal(PolicyDecision.Allow, Evaluate("""{"ForAnyValue:StringEquals":{"aws:TagKeys":["TenantID"]}}""", new RequestContext().Add("aws:TagKeys", "Other").Add("aws:TagKeys", "TenantID")));
        Assert.Equal(PolicyDecision.Allow, Evaluate("""{"StringEquals":{"AWS:PRINCIPALTAG/team":"red"}}""", new RequestContext().Set("aws:PrincipalTag/Team", "red")));
    }

    [Fact]
    public void Unsupported_operators_and_elements_are_refused()
    {
        Assert.Throws<PolicyFormatException>(() => Policy("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringSortOf":{"a":"b"}}}"""));
        Assert.Throws<PolicyFormatException>(() => Policy("""{"Effect":"Allow","Action":"*","Resource":"*","Conditions":{}}"""));
        Assert.Throws<PolicyFormatException>(() => Policy("""{"Effect":"Maybe","Action":"*","Resource":"*"}"""));
    }

    [Fact]
    public void Trust_statements_match_only_the_named_principal()
    {
        var trust = Policy("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:role/ApiFunctionRole"},"Action":"sts:AssumeRole"}""");
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([trust], "sts:AssumeRole", "r", new RequestContext(), RequestPrincipal.Aws("arn:aws:iam::000000000000:role/ApiFunctionRole")));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([trust], "sts:AssumeRole", "r", new RequestContext(), RequestPrincipal.Aws("arn:aws:iam::000000000000:root")));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([trust], "sts:AssumeRole", "r", new RequestContext(), RequestPrincipal.Federated("arn:aws:iam::000000000000:role/ApiFunctionRole")));
    }
}
