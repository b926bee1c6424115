using System.Text.Json.Serialization;

namespace Tenancy.Api.OpenApi;

/// <summary>
/// Schemas the document needs that no wire contract serializes: attachment bodies are raw bytes, described as such.
/// Used only while the document tool runs.
/// </summary>
[JsonSerializable(typeof(byte[]))]
internal sealed partial class DocumentSchemaJsonContext : JsonSerializerContext
{
}
