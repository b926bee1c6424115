using System.Globalization;
using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;
using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Iam;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Processes;
using Tenancy.Local.Emulator.Services.ApiGateway;
using Tenancy.Local.Emulator.Services.CognitoIdp;
using Tenancy.Local.Emulator.Services.DynamoDb;
using Tenancy.Local.Emulator.Services.Events;
using Tenancy.Local.Emulator.Services.Identity;
using Tenancy.Local.Emulator.Services.Kms;
using Tenancy.Local.Emulator.Services.Lambda;
using Tenancy.Local.Emulator.Services.S3;
using Tenancy.Local.Emulator.Services.States;
using Tenancy.Local.Emulator.Services.StepFunctions;
using Tenancy.Local.Emulator.Services.Sts;
using Tenancy.Local.Emulator.Template;
using Tenancy.Local.Functions;

namespace Tenancy.Local.Emulator;

/// <summary>
/// The whole local cloud in one process: DynamoDB Local behind an IAM-enforcing front, local STS and KMS, and the
/// Cognito-like issuer, all on one loopback port, with the tables and roles of <c>template.yaml</c>.
/// <code>
/// await using var cloud = await LocalCloud.StartAsync();
/// var tenant = await cloud.OnboardTenantAsync("acme", "Acme", TenantTier.Basic, TenancyModel.Pool);
/// // the API: AWS_ENDPOINT_URL_* from cloud.EnvironmentVariables(cloud.ApiCredentials), role cloud.TenantDataRoleArn
/// </code>
/// </summary>
public sealed class LocalCloud : IAsyncDisposable
{
    public const string ApiFunctionRoleLogicalId = "ApiFunctionRole";
    public const string TenantDataRoleLogicalId = "TenantDataRole";
    public const string AppDataTableLogicalId = "AppDataTable";
    public const string TenantRegistryTableLogicalId = "TenantRegistryTable";
    public const string TenantDataBucketLogicalId = "TenantDataBucket";

    private readonly WebApplication _app;
    private readonly string? _dynamoDbDataDirectory;
    private DynamoDbLocalServer _dynamoDbLocal;
    private readonly HttpClient _http;
    private readonly StsService _sts;
    private readonly IAmazonDynamoDB _adminDynamoDb;
    private readonly IAmazonKeyManagementService _adminKms;
    private readonly IReadOnlyDictionary<string, LocalCredentials> _executionRoleCredentials;

    private LocalCloud(
        Uri endpoint,
        WebApplication app,
        DynamoDbLocalServer dynamoDbLocal,
        HttpClient http,
        StsService sts,
        LocalIssuer issuer,
        CognitoUserPool userPool,
        ApiGatewayStore apiGateway,
        LocalEventBus events,
        TenancyTemplate template,
        LocalCloudCounters counters,
        LocalFaults faults,
        string? dynamoDbDataDirectory,
        LocalCredentials adminCredentials,
        IReadOnlyDictionary<string, LocalCredentials> executionRoleCredentials,
        KmsKeyStore kmsKeys,
        ILocalFunctionInvoker? functionInvoker,
        LocalFunctionInvoker? templateFunctions,
        LocalCloudOptions options)
    {
        Faults = faults;
        KmsKeys = kmsKeys;
        FunctionInvoker = functionInvoker;
        TemplateFunctions = templateFunctions;
        _executionRoleCredentials = executionRoleCredentials;
        Time = options.TimeProvider;
        _dynamoDbDataDirectory = dynamoDbDataDirectory;
        Endpoint = endpoint;
        _app = app;
        _dynamoDbLocal = dynamoDbLocal;
        _http = http;
        _sts = sts;
        Issuer = issuer;
        UserPool = userPool;
        ApiGateway = apiGateway;
        Events = events;
        Template = template;
        Counters = counters;
        AdminCredentials = adminCredentials;
        _adminDynamoDb = CreateDynamoDbClient(adminCredentials.ToAwsCredentials());
        _adminKms = CreateKmsClient(adminCredentials.ToAwsCredentials());
    }

    /// <summary>The KMS keys this cloud serves (state machine KMS tasks use the same store as the KMS endpoint).</summary>
    public KmsKeyStore KmsKeys { get; }

    /// <summary>The invoker of the template's functions (pre-token trigger, state machine Lambda tasks), when configured.</summary>
    public ILocalFunctionInvoker? FunctionInvoker { get; }

    /// <summary>
    /// The template's own functions (published Native-AOT bootstraps behind a local Runtime API, each with its execution
    /// role's credentials), when <see cref="LocalCloudOptions.TemplateFunctions"/> asked the cloud to run them.
    /// </summary>
    public LocalFunctionInvoker? TemplateFunctions { get; }

    public TimeProvider Time { get; }

    /// <summary>The client that talks to DynamoDB Local (the workflows' DynamoDB tasks share it with the front).</summary>
    internal HttpClient DynamoDbLocalHttp => _http;

    /// <summary>
    /// The Task dispatcher for the template's state machines: every Task answered by this cloud's services and
    /// functions, as Step Functions would answer it in AWS.
    /// </summary>
    public IStateMachineTaskDispatcher CreateWorkflowTasks() => LocalWorkflowTasks.Create(this);

    /// <summary>The one endpoint serving STS, KMS and DynamoDB (give it as <c>AWS_ENDPOINT_URL_STS/_KMS/_DYNAMODB</c>).</summary>
    public Uri Endpoint { get; }

    public Uri StsEndpoint => Endpoint;

    public Uri KmsEndpoint => Endpoint;

    public Uri DynamoDbEndpoint => Endpoint;

    /// <summary>Local S3, path-style only.</summary>
    public Uri S3Endpoint => Endpoint;

    /// <summary>DynamoDB Local itself, bypassing IAM: for tests that read raw items only, never for application code.</summary>
    public Uri DynamoDbLocalEndpoint => _dynamoDbLocal.Endpoint;

    public string Region => LocalAccount.Region;

    public string AccountId => LocalAccount.Id;

    /// <summary>Allowed everything: the local cloud's own setup and control-plane tests only.</summary>
    public LocalCredentials AdminCredentials { get; }

    /// <summary>The API function's own credentials: exactly ApiFunctionRole (registry GetItem, AssumeRole of the tenant role).</summary>
    public LocalCredentials ApiCredentials => _executionRoleCredentials[ApiFunctionRoleLogicalId];

    /// <summary>The credentials a function or state machine of the template runs with: its execution role's, nothing more.</summary>
    public LocalCredentials ExecutionRoleCredentials(string resourceLogicalId) =>
        _executionRoleCredentials[Template.ExecutionRole(resourceLogicalId).LogicalId];

    public TenancyTemplate Template { get; }

    public string TenantDataRoleArn => Template.Role(TenantDataRoleLogicalId).Arn;

    public string ApiFunctionRoleArn => Template.Role(ApiFunctionRoleLogicalId).Arn;

    public string AppDataTableName => Template.Table(AppDataTableLogicalId).TableName;

    public string TenantRegistryTableName => Template.Table(TenantRegistryTableLogicalId).TableName;

    /// <summary>The physical name of the template's tenant data bucket (path-style at <see cref="S3Endpoint"/>).</summary>
    public string TenantDataBucketName => Template.Resolver.Ref(TenantDataBucketLogicalId);

    /// <summary>The Cognito-like issuer: <c>IssuerUrl</c>, <c>UserPoolId</c>, <c>ClientId</c>, <c>JwksUrl</c>, users, bad-token hooks.</summary>
    public LocalIssuer Issuer { get; }

    /// <summary>The cognito-idp user pool (id and client id are the issuer's): users, groups, the trigger's function.</summary>
    public CognitoUserPool UserPool { get; }

    /// <summary>API keys and usage plans; as <see cref="IApiKeyUsagePlans"/> it answers which plan governs an API key value.</summary>
    public ApiGatewayStore ApiGateway { get; }

    /// <summary>Every event accepted by EventBridge PutEvents.</summary>
    public LocalEventBus Events { get; }

    public LocalCloudCounters Counters { get; }

    /// <summary>Fault switches: make a service (or one operation) unavailable or throttled until cleared.</summary>
    public LocalFaults Faults { get; }

    /// <summary>The template's state machines and their executions (the Step Functions endpoint's store).</summary>
    public LocalExecutionStore Executions { get; private set; } = null!;

    /// <summary>Every session local STS has vended (role, tags, source identity, expiry).</summary>
    public IReadOnlyCollection<StsSession> Sessions => _sts.Sessions;

    public static async Task<LocalCloud> StartAsync(LocalCloudOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalCloudOptions();
        var templatePath = options.TemplatePath
            ?? Path.Combine(RepositoryRoot.Find() ?? throw new InvalidOperationException("Cannot find the repository root (Tenancy.sln); set LocalCloudOptions.TemplatePath."), "template.yaml");
        var template = TenancyTemplate.Load(templatePath, new Dictionary<string, string>(options.TemplateParameters, StringComparer.Ordinal));
        var time = options.TimeProvider;

        var dynamoDbLocal = await DynamoDbLocalServer.StartAsync(options.DynamoDbLocalPort, options.DynamoDbDataDirectory, cancellationToken).ConfigureAwait(false);
        var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };
        WebApplication? app = null;
        LocalFunctionInvoker? templateFunctions = null;
        try
        {
            var port = options.Port == 0 ? LoopbackPorts.Free() : options.Port;
            var endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
            var counters = new LocalCloudCounters();
            var credentials = new CredentialStore();
            var verifier = new SigV4Verifier(credentials, time);
            var authorizer = new AccessAuthorizer(template, time);

            var adminCredentials = CredentialGenerator.LongTerm();
            credentials.Add(new LocalPrincipal(PrincipalKind.Admin, adminCredentials, $"arn:{LocalAccount.Partition}:iam::{LocalAccount.Id}:root", LocalAccount.Id, null, null));
            var executionRoleCredentials = RegisterExecutionRoles(template, credentials);

            var issuer = new LocalIssuer(endpoint, options.Issuer, time);

            // The functions' environments name the cloud, which exists only once its services are built with the invoker.
            LocalCloud? started = null;
            templateFunctions = options.FunctionInvoker is null && options.TemplateFunctions is { } functions
                ? new LocalFunctionInvoker(new LocalFunctionInvokerOptions
                {
                    TemplatePath = templatePath,
                    ParameterOverrides = new Dictionary<string, string>(options.TemplateParameters, StringComparer.Ordinal),
                    FunctionEnvironment = logicalId => (started ?? throw new InvalidOperationException("The local cloud has not started.")).FunctionEnvironment(logicalId),
                    BootstrapOverrides = functions.BootstrapOverrides,
                    MaxConcurrencyPerFunction = functions.MaxConcurrencyPerFunction,
                    LogSink = functions.LogSink,
                    BuildLog = functions.BuildLog,
                })
                : null;
            var functionInvoker = options.FunctionInvoker ?? templateFunctions;
            // The template's bucket exists from the start, as after a deployment.
            var objectStore = new S3ObjectStore();
            objectStore.CreateBucket(template.Resolver.Ref(TenantDataBucketLogicalId), versioned: template.VersionedBuckets.Contains(TenantDataBucketLogicalId));
            var sts = new StsService(credentials, authorizer, template, counters, time) { WebIdentityVerifier = issuer };
            var userPool = CreateUserPool(template, options, issuer);
            var apiGateway = CreateApiGateway(template, options);
            var events = new LocalEventBus();
            var kmsKeys = new KmsKeyStore();
            var executions = new LocalExecutionStore(
                LocalStateMachineCatalog.Load(templatePath, template.Resolver, logicalId => LocalPhysicalId(template, logicalId, userPool, apiGateway), time.GetUtcNow()),
                time);

            // Every emulated service, in recognition order; a new service is one folder under Services/ and one line here.
            ILocalService[] services =
            [
                new IssuerService(issuer),
                new CognitoIdpService(userPool, new CognitoTokenFactory(issuer, new PreTokenGenerationTrigger(functionInvoker), time), time),
                new KmsService(kmsKeys, counters, time),
                new EventBridgeService(events, time),
                new ApiGatewayService(apiGateway, time),
                new DynamoDbFront(dynamoDbLocal.Endpoint, http, new TableKeySchemaCache(http, dynamoDbLocal.Endpoint)),
                sts,
                new S3Service(objectStore, counters, time),
                new StatesService(executions, time),
                new LambdaService(functionInvoker),
            ];
            var faults = new LocalFaults();
            var pipeline = new LocalRequestPipeline(services, verifier, authorizer, counters, faults);

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Tenancy.Local", ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, port);
                kestrel.Limits.MaxRequestBodySize = LocalRequestPipeline.MaxBodyBytes;
            });
            app = builder.Build();
            app.Run(pipeline.HandleAsync);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);

            var cloud = new LocalCloud(endpoint, app, dynamoDbLocal, http, sts, issuer, userPool, apiGateway, events, template, counters, faults, options.DynamoDbDataDirectory, adminCredentials, executionRoleCredentials, kmsKeys, functionInvoker, templateFunctions, options) { Executions = executions };
            started = cloud;
            executions.UseDispatcher(cloud.CreateWorkflowTasks());
            if (options.CreateTables)
            {
                foreach (var table in template.TablesByLogicalId.Values)
                {
                    await LocalTableProvisioner.CreateAsync(cloud._adminDynamoDb, table, table.TableName, cancellationToken).ConfigureAwait(false);
                }
            }

            return cloud;
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            if (templateFunctions is not null)
            {
                await templateFunctions.DisposeAsync().ConfigureAwait(false);
            }

            http.Dispose();
            await dynamoDbLocal.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Each execution role gets long-term keys standing for the session Lambda (or Step Functions) would hold, named
    // after the first resource that runs as it; the API role always, since the API is started without the template's
    // function too (Kestrel mode, tests).
    private static Dictionary<string, LocalCredentials> RegisterExecutionRoles(TenancyTemplate template, CredentialStore credentials)
    {
        var sessionNames = template.ExecutionRoles
            .GroupBy(pair => pair.Value, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Key, StringComparer.Ordinal);
        sessionNames.TryAdd(ApiFunctionRoleLogicalId, ApiFunctionRoleLogicalId);
        var byRole = new Dictionary<string, LocalCredentials>(StringComparer.Ordinal);
        foreach (var (roleLogicalId, sessionName) in sessionNames)
        {
            var role = template.Role(roleLogicalId);
            var keys = CredentialGenerator.LongTerm();
            credentials.Add(new LocalPrincipal(
                PrincipalKind.ExecutionRole,
                keys,
                LocalAccount.AssumedRoleArn(role.Name, sessionName),
                $"{CredentialGenerator.RoleId()}:{sessionName}",
                role.Name,
                null));
            byRole[roleLogicalId] = keys;
        }

        return byRole;
    }

    // State machine substitutions that Ref a resource the local cloud names itself take the local id.
    private static string? LocalPhysicalId(TenancyTemplate template, string logicalId, CognitoUserPool userPool, ApiGatewayStore apiGateway) =>
        template.UserPools.Any(p => p.LogicalId == logicalId) ? userPool.UserPoolId
        : template.UsagePlans.FirstOrDefault(p => p.LogicalId == logicalId) is { } plan ? apiGateway.UsagePlanNamed(plan.Name)?.Id
        : null;

    // The configured pool when one is given, else the template's (its schema and trigger), else the defaults.
    private static CognitoUserPool CreateUserPool(TenancyTemplate template, LocalCloudOptions options, LocalIssuer issuer)
    {
        if (options.UserPool is null && template.UserPools.FirstOrDefault() is { } declared)
        {
            return new CognitoUserPool(issuer.UserPoolId, issuer.ClientId, declared.CustomAttributesMutable, declared.PreTokenGenerationVersion == "V1_0" ? null : declared.PreTokenGenerationFunctionLogicalId);
        }

        var configured = options.UserPool ?? new UserPoolOptions();
        return new CognitoUserPool(issuer.UserPoolId, issuer.ClientId, new Dictionary<string, bool>(configured.CustomAttributes, StringComparer.Ordinal), configured.PreTokenGenerationFunction);
    }

    // The template's usage plans when it declares any, else the configured ones.
    private static ApiGatewayStore CreateApiGateway(TenancyTemplate template, LocalCloudOptions options)
    {
        var store = new ApiGatewayStore();
        if (template.UsagePlans.Count > 0)
        {
            foreach (var plan in template.UsagePlans)
            {
                store.AddUsagePlan(plan.Name, plan.Description, plan.RateLimit, plan.BurstLimit, plan.QuotaLimit, plan.QuotaPeriod);
            }
        }
        else
        {
            foreach (var plan in options.UsagePlans)
            {
                store.AddUsagePlan(plan.Name, plan.Description, plan.RateLimit, plan.BurstLimit, plan.QuotaLimit, plan.QuotaPeriod);
            }
        }

        return store;
    }

    /// <summary>
    /// Does what the control plane's onboarding does: the tenant key (tagged <c>TenantID</c>) and its alias
    /// <c>alias/tenancy/&lt;id&gt;</c>, the silo table for <see cref="TenancyModel.Silo"/>, the registry item
    /// (status Active) and a demo user whose tokens carry <c>custom:tenantID</c>.
    /// </summary>
    public async Task<OnboardedTenant> OnboardTenantAsync(string tenantId, string name, TenantTier tier, TenancyModel model, CancellationToken cancellationToken = default)
    {
        var id = TenantId.Parse(tenantId);
        var placement = TenantPlacement.Conventional(id, model, AppDataTableName);

        var key = await _adminKms.CreateKeyAsync(
            new CreateKeyRequest
            {
                Description = $"Tenancy tenant key for {id.Value}",
                Tags = [new Amazon.KeyManagementService.Model.Tag { TagKey = "TenantID", TagValue = id.Value }],
            },
            cancellationToken).ConfigureAwait(false);
        await _adminKms.CreateAliasAsync(new CreateAliasRequest { AliasName = placement.KmsKeyId, TargetKeyId = key.KeyMetadata.KeyId }, cancellationToken).ConfigureAwait(false);

        if (model == TenancyModel.Silo)
        {
            await LocalTableProvisioner.CreateAsync(_adminDynamoDb, Template.Table(AppDataTableLogicalId), placement.TableName, cancellationToken).ConfigureAwait(false);
        }

        var now = DateTimeOffset.UtcNow;
        var apiKey = IssueApiKey(id, tier, now, out var usagePlan);
        var registration = new TenantRegistration(id, name, tier, TenantStatus.Active, placement)
        {
            Resources = new TenantResources
            {
                KmsKeyId = key.KeyMetadata.KeyId,
                KmsKeyArn = key.KeyMetadata.Arn,
                KmsAliasName = placement.KmsKeyId,
                SiloTableName = model == TenancyModel.Silo ? placement.TableName : null,
                ApiKeyId = apiKey.Id,
                ApiKeyValue = apiKey.Value,
                UsagePlanId = usagePlan?.Id,
            },
        };
        await _adminDynamoDb.PutItemAsync(
            new PutItemRequest
            {
                TableName = TenantRegistryTableName,
                Item = TenantRegistryItemCodec.Encode(registration, now, now),
                ConditionExpression = $"attribute_not_exists({TenantRegistryAttributes.TenantId})",
            },
            cancellationToken).ConfigureAwait(false);

        var username = $"{id.Value}-user";
        var password = $"Tenancy-{id.Value}-1!";
        Issuer.AddUser(username, password, $"{username}@{id.Value}.example", id.Value, tier.ToString());
        AddPoolUser(username, password, $"{username}@{id.Value}.example", id.Value, tier.ToString());
        return new OnboardedTenant(id, tier, placement, key.KeyMetadata.KeyId, key.KeyMetadata.Arn, username, password);
    }

    // As onboarding's routing step does: the tenant's own API key in its tier's usage plan, recorded in the registry,
    // where the authorizer finds it and returns it as the usage identifier.
    private LocalApiKey IssueApiKey(TenantId id, TenantTier tier, DateTimeOffset now, out LocalUsagePlan? usagePlan)
    {
        var apiKey = ApiGateway.CreateApiKey($"tenant-{id.Value}", null, id.Value, enabled: true, value: null, new Dictionary<string, string>(StringComparer.Ordinal) { ["TenantID"] = id.Value }, now);
        var tierName = tier.ToString();
        usagePlan = ApiGateway.UsagePlans.FirstOrDefault(plan =>
            string.Equals(plan.Name, tierName, StringComparison.OrdinalIgnoreCase) || plan.Name.EndsWith("-" + tierName, StringComparison.OrdinalIgnoreCase));
        if (usagePlan is not null)
        {
            ApiGateway.AttachKey(usagePlan.Id, apiKey.Id, "API_KEY");
        }

        return apiKey;
    }

    // The same demo user in the cognito-idp pool, so `aws cognito-idp initiate-auth` signs it in too.
    private void AddPoolUser(string username, string password, string email, string tenantId, string tier)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["email"] = email, ["email_verified"] = "true" };
        foreach (var (name, value) in new[] { ("custom:tenantID", tenantId), ("custom:tenantTier", tier) })
        {
            if (UserPool.Declares(name))
            {
                attributes[name] = value;
            }
        }

        var now = DateTimeOffset.UtcNow;
        UserPool.CreateUser(username, attributes, temporaryPassword: null, now);
        UserPool.SetPassword(username, password, permanent: true, now);
    }

    /// <summary>The tenant's registry item read through the one codec, or null when there is none.</summary>
    /// <exception cref="InvalidDataException">The item exists but the codec refuses it.</exception>
    public async Task<TenantRegistration?> ReadRegistrationAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var id = TenantId.Parse(tenantId);
        var response = await _adminDynamoDb.GetItemAsync(
            new GetItemRequest { TableName = TenantRegistryTableName, Key = TenantRegistryItemCodec.Key(id), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        return TenantRegistryItemCodec.TryDecode(id, item, out var registration, out var error)
            ? registration
            : throw new InvalidDataException($"The registry item of '{tenantId}' is unreadable: {error}.");
    }

    /// <summary>Changes a tenant's registry status (e.g. Suspended), as the control plane would.</summary>
    public Task SetTenantStatusAsync(string tenantId, TenantStatus status, CancellationToken cancellationToken = default) =>
        _adminDynamoDb.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = TenantRegistryTableName,
                Key = TenantRegistryItemCodec.Key(TenantId.Parse(tenantId)),
                UpdateExpression = "SET #s = :s, #u = :u",
                ExpressionAttributeNames = new Dictionary<string, string>
                {
                    ["#s"] = TenantRegistryAttributes.Status,
                    ["#u"] = TenantRegistryAttributes.UpdatedAt,
                },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":s"] = TenantRegistryItemCodec.EncodeStatus(status),
                    [":u"] = TenantRegistryItemCodec.EncodeTimestamp(DateTimeOffset.UtcNow),
                },
                ConditionExpression = $"attribute_exists({TenantRegistryAttributes.TenantId})",
            },
            cancellationToken);

    /// <summary>
    /// Kills DynamoDB Local (its whole process tree, no clean shutdown) and starts it again on the same port; the
    /// front keeps answering meanwhile (AWS's generic 500). Data survives only with
    /// <see cref="LocalCloudOptions.DynamoDbDataDirectory"/>.
    /// </summary>
    public async Task RestartDynamoDbLocalAsync(TimeSpan downtime = default, CancellationToken cancellationToken = default)
    {
        var port = _dynamoDbLocal.Port;
        await _dynamoDbLocal.DisposeAsync().ConfigureAwait(false);
        if (downtime > TimeSpan.Zero)
        {
            await Task.Delay(downtime, cancellationToken).ConfigureAwait(false);
        }

        _dynamoDbLocal = await DynamoDbLocalServer.StartAsync(port, _dynamoDbDataDirectory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What the cloud adds to a template function's own variables: the local endpoints, the execution role's
    /// credentials, and the local issuer where the template names the user pool's.
    /// </summary>
    public IReadOnlyDictionary<string, string> FunctionEnvironment(string functionLogicalId) =>
        WithLocalReplacements(EnvironmentVariables(ExecutionRoleCredentials(functionLogicalId)));

    /// <summary><paramref name="variables"/> with what differs locally: the local issuer's JWT issuer, audience and JWKS, and path-style S3.</summary>
    public IReadOnlyDictionary<string, string> WithLocalReplacements(IReadOnlyDictionary<string, string> variables) =>
        new Dictionary<string, string>(variables, StringComparer.Ordinal)
        {
            ["TENANCY_JWT_ISSUER"] = Issuer.IssuerUrl,
            ["TENANCY_JWT_AUDIENCE"] = Issuer.ClientId,
            ["TENANCY_JWKS_URI"] = Issuer.JwksUrl,
            ["TENANCY_S3_FORCE_PATH_STYLE"] = "true",
        };

    /// <summary>The environment a process needs to use the local cloud unchanged through the AWS SDK with <paramref name="credentials"/>.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables(LocalCredentials credentials)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL_STS"] = Endpoint.ToString().TrimEnd('/'),
            ["AWS_ENDPOINT_URL_KMS"] = Endpoint.ToString().TrimEnd('/'),
            ["AWS_ENDPOINT_URL_DYNAMODB"] = Endpoint.ToString().TrimEnd('/'),
            ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = Endpoint.ToString().TrimEnd('/'),
            ["AWS_ENDPOINT_URL_API_GATEWAY"] = Endpoint.ToString().TrimEnd('/'),
            ["AWS_ENDPOINT_URL_EVENTBRIDGE"] = Endpoint.ToString().TrimEnd('/'),
            ["AWS_ENDPOINT_URL_S3"] = Endpoint.ToString().TrimEnd('/'),
            ["AWS_REGION"] = Region,
            ["AWS_DEFAULT_REGION"] = Region,
            ["AWS_ACCESS_KEY_ID"] = credentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = credentials.SecretAccessKey,
        };
        if (credentials.SessionToken is not null)
        {
            variables["AWS_SESSION_TOKEN"] = credentials.SessionToken;
        }

        return variables;
    }

    public AmazonDynamoDBClient CreateDynamoDbClient(AWSCredentials credentials) =>
        new(credentials, new AmazonDynamoDBConfig { ServiceURL = Endpoint.ToString(), AuthenticationRegion = Region, MaxErrorRetry = 0 });

    public AmazonKeyManagementServiceClient CreateKmsClient(AWSCredentials credentials) =>
        new(credentials, new AmazonKeyManagementServiceConfig { ServiceURL = Endpoint.ToString(), AuthenticationRegion = Region, MaxErrorRetry = 0 });

    public AmazonS3Client CreateS3Client(AWSCredentials credentials) =>
        new(credentials, new AmazonS3Config { ServiceURL = Endpoint.ToString(), AuthenticationRegion = Region, ForcePathStyle = true, MaxErrorRetry = 0 });

    public AmazonSecurityTokenServiceClient CreateStsClient(AWSCredentials credentials) =>
        new(credentials, new AmazonSecurityTokenServiceConfig { ServiceURL = Endpoint.ToString(), AuthenticationRegion = Region, MaxErrorRetry = 0 });

    public async ValueTask DisposeAsync()
    {
        _adminDynamoDb.Dispose();
        _adminKms.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await Executions.AbortAllAsync().ConfigureAwait(false);
        if (TemplateFunctions is not null)
        {
            await TemplateFunctions.DisposeAsync().ConfigureAwait(false);
        }

        _http.Dispose();
        Issuer.Dispose();
        await _dynamoDbLocal.DisposeAsync().ConfigureAwait(false);
    }
}
