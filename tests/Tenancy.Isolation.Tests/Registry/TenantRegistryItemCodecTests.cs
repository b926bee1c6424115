using Tenancy.Isolation.Registry;

namespace Tenancy.Isolation.Tests.Registry;

/// <summary>The registry codec: what it writes is exactly what the strict reader accepts, in the schema of docs/tenant-registry.md.</summary>
public sealed class TenantRegistryItemCodecTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Updated = new(2026, 12, 1, 8, 30, 15, TimeSpan.FromHours(2));

    public static TheoryData<TenantTier, TenantStatus, TenancyModel> EveryNamedValue()
    {
        var data = new TheoryData<TenantTier, TenantStatus, TenancyModel>();
        foreach (var tier in Enum.GetValues<TenantTier>())
        {
            foreach (var status in Enum.GetValues<TenantStatus>())
            {
                foreach (var model in Enum.GetValues<TenancyModel>())
                {
                    data.Add(tier, status, model);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryNamedValue))]
    public void Every_registration_round_trips(TenantTier tier, TenantStatus status, TenancyModel model)
    {
        var id = TenantId.Parse("acme");
        var registration = new TenantRegistration(id, "Acme Corp", tier, status, TenantPlacement.Conventional(id, model, "AppData", "tenant-bucket"));

        var item = TenantRegistryItemCodec.Encode(registration, Created, Updated);

        Assert.True(TenantRegistryItemCodec.TryDecode(id, item, out var decoded, out var error), error);
        Assert.Equal(registration, decoded);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Recorded_resources_and_the_failure_cause_round_trip_and_only_set_ones_are_written()
    {
        var id = TenantId.Parse("acme");
        var resources = new TenantResources
        {
            KmsKeyId = "1234abcd-12ab-34cd-56ef-1234567890ab",
            KmsKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            KmsAliasName = "alias/tenancy/acme",
            SiloTableName = "AppData-acme",
            UserPoolGroupName = "tenant-acme",
            AdminUserName = "admin@acme.example",
            ApiKeyId = "ak123",
            ApiKeyValue = "value-of-the-key",
            UsagePlanId = "up456",
        };
        var failed = new TenantRegistration(id, "Acme", TenantTier.Premium, TenantStatus.Failed, TenantPlacement.Conventional(id, TenancyModel.Silo))
        {
            Resources = resources,
            FailureCause = "Kms.LimitExceededException",
        };
        var partial = failed with { Resources = new TenantResources { ApiKeyId = "ak123" }, FailureCause = null };

        var item = TenantRegistryItemCodec.Encode(failed, Created, Updated);
        var partialItem = TenantRegistryItemCodec.Encode(partial, Created, Updated);

        Assert.True(TenantRegistryItemCodec.TryDecode(id, item, out var decoded, out _));
        Assert.Equal(failed, decoded);
        Assert.Equal("Failed", item[TenantRegistryAttributes.Status].S);
        Assert.Equal("value-of-the-key", item[TenantRegistryAttributes.ResourceApiKeyValue].S);
        Assert.Equal(TenantRegistryItemCodec.ResourceAttributeNames.Order(StringComparer.Ordinal), item.Keys.Where(k => k.StartsWith("Resource", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { TenantRegistryAttributes.ResourceApiKeyId }, partialItem.Keys.Where(k => k.StartsWith("Resource", StringComparison.Ordinal)).ToArray());
        Assert.DoesNotContain(TenantRegistryAttributes.FailureCause, partialItem.Keys);
    }

    [Fact]
    public void The_item_has_the_documented_attributes_with_enum_names_and_utc_timestamps()
    {
        var id = TenantId.Parse("globex");
        var registration = new TenantRegistration(id, "Globex", TenantTier.Premium, TenantStatus.Suspended, TenantPlacement.Conventional(id, TenancyModel.Silo, "AppData"));

        var item = TenantRegistryItemCodec.Encode(registration, Created, Updated);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["TenantId"] = "globex",
                ["Name"] = "Globex",
                ["Tier"] = "Premium",
                ["Status"] = "Suspended",
                ["Model"] = "Silo",
                ["TableName"] = "AppData-globex",
                ["KmsKeyId"] = "alias/tenancy/globex",
                ["BucketPrefix"] = "tenants/globex/",
                ["CreatedAt"] = "2026-11-27T12:00:00Z",
                ["UpdatedAt"] = "2026-12-01T06:30:15Z",
            },
            item.ToDictionary(a => a.Key, a => a.Value.S));
        Assert.Equal(item[TenantRegistryAttributes.TenantId].S, TenantRegistryItemCodec.Key(id)[TenantRegistryAttributes.TenantId].S);
        Assert.Single(TenantRegistryItemCodec.Key(id));
    }

    [Fact]
    public void A_round_trip_keeps_the_bucket_name_when_there_is_one_and_omits_it_when_not()
    {
        var id = TenantId.Parse("initech");
        var withBucket = new TenantRegistration(id, "Initech", TenantTier.Basic, TenantStatus.Active, TenantPlacement.Conventional(id, TenancyModel.Pool, "AppData", "objects"));
        var withoutBucket = withBucket with { Placement = withBucket.Placement with { BucketName = null } };

        var itemWithBucket = TenantRegistryItemCodec.Encode(withBucket, Created, Created);
        var itemWithoutBucket = TenantRegistryItemCodec.Encode(withoutBucket, Created, Created);

        Assert.Equal("objects", itemWithBucket[TenantRegistryAttributes.BucketName].S);
        Assert.False(itemWithoutBucket.ContainsKey(TenantRegistryAttributes.BucketName));
        Assert.True(TenantRegistryItemCodec.TryDecode(id, itemWithoutBucket, out var decoded, out _));
        Assert.Null(decoded!.Placement.BucketName);
    }

    [Fact]
    public void Undefined_enum_values_are_refused_instead_of_written_as_numbers()
    {
        var id = TenantId.Parse("acme");
        var registration = new TenantRegistration(id, "Acme", (TenantTier)7, TenantStatus.Active, TenantPlacement.Conventional(id, TenancyModel.Pool));

        Assert.Throws<ArgumentException>(() => TenantRegistryItemCodec.Encode(registration, Created, Created));
        Assert.Throws<ArgumentException>(() => TenantRegistryItemCodec.EncodeStatus((TenantStatus)42));
    }

    [Fact]
    public void An_item_decoded_for_another_tenant_is_refused()
    {
        var acme = TenantId.Parse("acme");
        var item = TenantRegistryItemCodec.Encode(
            new TenantRegistration(acme, "Acme", TenantTier.Basic, TenantStatus.Active, TenantPlacement.Conventional(acme, TenancyModel.Pool)),
            Created,
            Created);

        Assert.False(TenantRegistryItemCodec.TryDecode(TenantId.Parse("globex"), item, out var decoded, out var error));
        Assert.Null(decoded);
        Assert.Contains("TenantId", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_update_writes_what_the_reader_accepts()
    {
        var id = TenantId.Parse("acme");
        var item = TenantRegistryItemCodec.Encode(
            new TenantRegistration(id, "Acme", TenantTier.Basic, TenantStatus.Active, TenantPlacement.Conventional(id, TenancyModel.Pool)),
            Created,
            Created);

        item[TenantRegistryAttributes.Status] = TenantRegistryItemCodec.EncodeStatus(TenantStatus.Offboarding);
        item[TenantRegistryAttributes.UpdatedAt] = TenantRegistryItemCodec.EncodeTimestamp(Updated);

        Assert.True(TenantRegistryItemCodec.TryDecode(id, item, out var decoded, out _));
        Assert.Equal(TenantStatus.Offboarding, decoded!.Status);
        Assert.Equal("2026-12-01T06:30:15Z", item[TenantRegistryAttributes.UpdatedAt].S);
    }
}
