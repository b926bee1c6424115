using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tenancy.Api.Attachments;

/// <summary>Source-generated JSON for the attachment contracts.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AttachmentResponse))]
[JsonSerializable(typeof(AttachmentPageResponse))]
internal sealed partial class AttachmentsJsonContext : JsonSerializerContext
{
}
