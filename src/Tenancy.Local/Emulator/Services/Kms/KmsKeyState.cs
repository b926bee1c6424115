namespace Tenancy.Local.Emulator.Services.Kms;

/// <summary>The KMS key states the local cloud models (names as KMS writes them in <c>KeyState</c>).</summary>
public enum KmsKeyState
{
    Enabled,
    Disabled,
    PendingDeletion,
}
