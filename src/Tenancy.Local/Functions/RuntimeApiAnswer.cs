namespace Tenancy.Local.Functions;

/// <summary>What a runtime posted for an invocation (or at init): the body, and for errors the error-type header.</summary>
public sealed record RuntimeApiAnswer(bool IsError, byte[] Body, string? ErrorTypeHeader);
