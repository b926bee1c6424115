using Tenancy.Local.Emulator.Template;

namespace Tenancy.Local.Tests.Template;

/// <summary>The template resources that seed the local Cognito and API Gateway: user pool schema and trigger, usage plans with parameter values.</summary>
public sealed class ServiceResourcesTemplateTests
{
    private const string Yaml = """
        Parameters:
          BasicRateLimit: { Type: Number, Default: '5' }
          BasicBurstLimit: { Type: Number, Default: '10' }
          BasicDailyQuota: { Type: Number, Default: '1000' }
        Resources:
          UserPool:
            Type: AWS::Cognito::UserPool
            Properties:
              Schema:
                - Name: email
                  AttributeDataType: String
                  Mutable: true
                - Name: tenantID
                  AttributeDataType: String
                  Mutable: false
                - Name: plan
                  AttributeDataType: String
              LambdaConfig:
                PreTokenGenerationConfig:
                  LambdaArn: !GetAtt PreTokenGenerationFunction.Arn
                  LambdaVersion: V2_0
          BasicUsagePlan:
            Type: AWS::ApiGateway::UsagePlan
            Properties:
              UsagePlanName: !Sub ${AWS::StackName}-basic
              Throttle:
                RateLimit: !Ref BasicRateLimit
                BurstLimit: !Ref BasicBurstLimit
              Quota:
                Limit: !Ref BasicDailyQuota
                Period: DAY
        """;

    [Fact]
    public void User_pool_schema_trigger_and_usage_plans_are_read_with_parameters_resolved()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tenancy-template-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Yaml);
        try
        {
            var template = TenancyTemplate.Load(path, new Dictionary<string, string> { ["BasicBurstLimit"] = "12" });

            var pool = Assert.Single(template.UserPools);
            Assert.Equal(new Dictionary<string, bool> { ["custom:tenantID"] = false, ["custom:plan"] = true }, pool.CustomAttributesMutable);
            Assert.Equal("PreTokenGenerationFunction", pool.PreTokenGenerationFunctionLogicalId);
            Assert.Equal("V2_0", pool.PreTokenGenerationVersion);

            var plan = Assert.Single(template.UsagePlans);
            Assert.Equal(("tenancy-local-basic", 5.0, 12, 1000, "DAY"), (plan.Name, plan.RateLimit, plan.BurstLimit, plan.QuotaLimit!.Value, plan.QuotaPeriod));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
