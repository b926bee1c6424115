# Build targets for `sam build` (BuildMethod: makefile). SAM runs `make build-<LogicalId>` with ARTIFACTS_DIR set.
# The API publishes as a Native-AOT executable whose assembly name is `bootstrap`, as provided.al2023 expects.
# PublishAot is set in the project itself: as a global property it would also reach the netstandard2.0 generators.

DOTNET ?= dotnet
RUNTIME ?= linux-x64

.PHONY: build-ApiFunction

build-ApiFunction:
	$(DOTNET) publish src/Tenancy.Api/Tenancy.Api.csproj -c Release -r $(RUNTIME) -o "$(ARTIFACTS_DIR)/publish"
	cp "$(ARTIFACTS_DIR)/publish/bootstrap" "$(ARTIFACTS_DIR)/bootstrap"
	rm -rf "$(ARTIFACTS_DIR)/publish"

# The control-plane functions share one AOT bootstrap (src/Tenancy.ControlPlane); each function's Handler picks its
# entry point through _HANDLER.
CONTROL_PLANE_FUNCTIONS := build-AuthorizerFunction build-PreTokenGenerationFunction build-RegistryFunction \
  build-PooledDataDeletionFunction build-TenantObjectsDeletionFunction \
  build-UsageAggregatorFunction build-UsageCloseFunction build-UsagePublishedFunction build-UsageQueryFunction \
  build-TierChangeFunction
.PHONY: $(CONTROL_PLANE_FUNCTIONS)

$(CONTROL_PLANE_FUNCTIONS):
	$(DOTNET) publish src/Tenancy.ControlPlane/Tenancy.ControlPlane.csproj -c Release -r $(RUNTIME) -o "$(ARTIFACTS_DIR)/publish"
	cp "$(ARTIFACTS_DIR)/publish/bootstrap" "$(ARTIFACTS_DIR)/bootstrap"
	rm -rf "$(ARTIFACTS_DIR)/publish"
