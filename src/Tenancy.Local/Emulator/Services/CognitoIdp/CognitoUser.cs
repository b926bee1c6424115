using System.Security.Cryptography;

namespace Tenancy.Local.Emulator.Services.CognitoIdp;

/// <summary>A user of the local user pool: attributes (always including <c>sub</c>), status, groups and a salted password hash.</summary>
public sealed class CognitoUser
{
    private byte[] _salt = [];
    private byte[] _hash = [];

    public CognitoUser(string username, DateTimeOffset createdAt)
    {
        Username = username;
        CreatedAt = createdAt;
        ModifiedAt = createdAt;
        Attributes["sub"] = Guid.NewGuid().ToString();
    }

    public string Username { get; }

    public string Subject => Attributes["sub"];

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Groups { get; } = new(StringComparer.Ordinal);

    public CognitoUserStatus Status { get; set; } = CognitoUserStatus.ForceChangePassword;

    public bool Enabled { get; set; } = true;

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset ModifiedAt { get; set; }

    public string StatusText => Status == CognitoUserStatus.Confirmed ? "CONFIRMED" : "FORCE_CHANGE_PASSWORD";

    public void SetPassword(string password)
    {
        _salt = RandomNumberGenerator.GetBytes(16);
        _hash = Hash(password, _salt);
    }

    public bool PasswordMatches(string password) => _hash.Length > 0 && CryptographicOperations.FixedTimeEquals(Hash(password, _salt), _hash);

    private static byte[] Hash(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, 10_000, HashAlgorithmName.SHA256, 32);
}
