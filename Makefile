# Build targets for `sam build` (BuildMethod: makefile). SAM runs `make build-<LogicalId>` with ARTIFACTS_DIR set.
# The API publishes as a Native-AOT executable whose assembly name is `bootstrap`, as provided.al2023 expects.

DOTNET ?= dotnet
RUNTIME ?= linux-x64

.PHONY: build-ApiFunction

build-ApiFunction:
	$(DOTNET) publish src/Tenancy.Api/Tenancy.Api.csproj -c Release -r $(RUNTIME) -p:PublishAot=true \
		-p:StripSymbols=true -o "$(ARTIFACTS_DIR)/publish"
	cp "$(ARTIFACTS_DIR)/publish/bootstrap" "$(ARTIFACTS_DIR)/bootstrap"
	rm -rf "$(ARTIFACTS_DIR)/publish"
