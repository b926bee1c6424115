namespace Tenancy.Local.Emulator.Services.Identity;

/// <summary>Identifiers and lifetimes of the local Cognito-like user pool.</summary>
public sealed class LocalIssuerOptions
{
    public string UserPoolId { get; set; } = "us-east-1_TenancyLcl";

    public string ClientId { get; set; } = "tenancylocalappclient0001";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Adds the <c>https://aws.amazon.com/tags</c> claim (principal tag TenantID) to ID tokens for AssumeRoleWithWebIdentity.</summary>
    public bool IncludeSessionTagsClaim { get; set; } = true;
}
