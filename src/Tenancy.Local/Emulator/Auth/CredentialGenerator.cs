using System.Security.Cryptography;

namespace Tenancy.Local.Emulator.Auth;

/// <summary>Makes credentials shaped like AWS's: AKIA/ASIA access key ids, 40-character secrets, opaque session tokens.</summary>
public static class CredentialGenerator
{
    private const string AccessKeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static LocalCredentials LongTerm() => new("AKIA" + RandomNumberGenerator.GetString(AccessKeyAlphabet, 16), Secret(), null);

    public static LocalCredentials Temporary() =>
        new("ASIA" + RandomNumberGenerator.GetString(AccessKeyAlphabet, 16), Secret(), "IQoJb3JpZ2luX2VjE" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(270)));

    /// <summary>A unique id like the <c>AROA…</c> role ids AWS puts before the session name in <c>UserId</c>.</summary>
    public static string RoleId() => "AROA" + RandomNumberGenerator.GetString(AccessKeyAlphabet, 17);

    private static string Secret() => RandomNumberGenerator.GetString(SecretAlphabet, 40);
}
