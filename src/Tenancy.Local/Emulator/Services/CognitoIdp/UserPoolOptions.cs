namespace Tenancy.Local.Emulator.Services.CognitoIdp;

/// <summary>
/// The local user pool when <c>template.yaml</c> declares none yet: its custom attributes (name → mutable) and the
/// logical id of a pre token generation V2_0 function (none by default). A pool in the template replaces both.
/// </summary>
public sealed class UserPoolOptions
{
    public IDictionary<string, bool> CustomAttributes { get; } = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["custom:tenantID"] = false,
        ["custom:tenantTier"] = true,
    };

    public string? PreTokenGenerationFunction { get; set; }
}
