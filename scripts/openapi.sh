#!/usr/bin/env bash
# Regenerates docs/openapi.json, the tenant API's OpenAPI document, at build time from the minimal API in
# src/Tenancy.Api (Microsoft.AspNetCore.OpenApi + Microsoft.Extensions.ApiDescription.Server: the build runs the app's
# entry point under the document tool, which is the only time the OpenAPI services are registered).
#   scripts/openapi.sh              writes docs/openapi.json
#   scripts/openapi.sh <directory>  writes <directory>/openapi.json instead (the drift test compares it with the docs')
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:-$root/docs}"
mkdir -p "$target"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The app builds its services before the document tool reads the routes, and its settings fail closed; the tool never
# serves a request, so well-formed placeholders do.
TENANCY_JWT_ISSUER=https://issuer.openapi.invalid TENANCY_JWT_AUDIENCE=openapi \
TENANCY_TENANT_DATA_ROLE_ARN=arn:aws:iam::000000000000:role/openapi \
dotnet build "$root/src/Tenancy.Api/Tenancy.Api.csproj" -c Release --nologo -v quiet \
  -p:OpenApiGenerateDocuments=true -p:OpenApiDocumentsDirectory="$work" \
  -p:OpenApiGenerateDocumentsOptions="--openapi-version OpenApi3_0" \
  -p:_OpenApiDocumentsCache="$work/documents.cache" >&2

shopt -s nullglob
# The tool's file list lives in the temporary folder too, so an unchanged build still regenerates the document.
documents=("$work"/*.json)
if [ "${#documents[@]}" -ne 1 ]; then
  echo "expected one generated document in $work, found ${#documents[@]}" >&2
  exit 1
fi
cp "${documents[0]}" "$target/openapi.json"
echo "$target/openapi.json"
