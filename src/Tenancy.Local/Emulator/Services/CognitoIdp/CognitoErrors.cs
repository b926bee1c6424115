using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.CognitoIdp;

/// <summary>Cognito's error codes and messages as the real service writes them.</summary>
public static class CognitoErrors
{
    public static AwsServiceException UserNotFound() => AwsServiceException.ClientError("UserNotFoundException", "User does not exist.");

    public static AwsServiceException UsernameExists() => AwsServiceException.ClientError("UsernameExistsException", "User account already exists");

    public static AwsServiceException NotAuthorized(string message = "Incorrect username or password.") => AwsServiceException.ClientError("NotAuthorizedException", message);

    public static AwsServiceException InvalidParameter(string message) => AwsServiceException.ClientError("InvalidParameterException", message);

    public static AwsServiceException GroupNotFound() => AwsServiceException.ClientError("ResourceNotFoundException", "Group not found.");

    public static AwsServiceException GroupExists(string name) => AwsServiceException.ClientError("GroupExistsException", $"A group with the name {name} already exists.");

    public static AwsServiceException PoolNotFound(string? poolId) => AwsServiceException.ClientError("ResourceNotFoundException", $"User pool {poolId} does not exist.");

    public static AwsServiceException ClientNotFound(string? clientId) => AwsServiceException.ClientError("ResourceNotFoundException", $"User pool client {clientId} does not exist.");

    public static AwsServiceException InvalidPassword(string reason) => AwsServiceException.ClientError("InvalidPasswordException", $"Password did not conform with policy: {reason}");
}
