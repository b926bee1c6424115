namespace Tenancy.ControlPlane.Identity;

/// <summary>
/// The parts of a REST <c>methodArn</c> (<c>arn:&lt;partition&gt;:execute-api:&lt;region&gt;:&lt;account&gt;:&lt;apiId&gt;/&lt;stage&gt;/&lt;verb&gt;/&lt;path&gt;</c>)
/// needed to scope a policy to this API's stage.
/// </summary>
public sealed record MethodArn(string Partition, string Region, string AccountId, string ApiId, string Stage)
{
    /// <summary>Every method and path of this stage: the policy is cached per token and reused on other routes.</summary>
    public string StageResource => $"arn:{Partition}:execute-api:{Region}:{AccountId}:{ApiId}/{Stage}/*/*";

    public static bool TryParse(string? text, out MethodArn? arn)
    {
        arn = null;
        var parts = text?.Split(':', 6);
        if (parts is not { Length: 6 } || parts[0] != "arn" || parts[2] != "execute-api" || parts.Take(5).Any(string.IsNullOrEmpty))
        {
            return false;
        }

        var path = parts[5].Split('/');
        if (path.Length < 3 || string.IsNullOrEmpty(path[0]) || string.IsNullOrEmpty(path[1]) || path[0] == "*" || path[1] == "*")
        {
            return false;
        }

        arn = new MethodArn(parts[1], parts[3], parts[4], path[0], path[1]);
        return true;
    }
}
