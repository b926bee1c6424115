#!/usr/bin/env bash
# Review gate for [assembly: ControlPlaneAssembly("…")] (docs/diagnostics/TNT003.md): every file that declares it
# must be listed in docs/control-plane-assemblies.txt, whose changes need the security reviewers (CODEOWNERS).
# Exit 1 and name the file when an unlisted declaration appears. CONTROL_PLANE_ALLOWLIST overrides the list (tests).
set -euo pipefail
cd "$(dirname "$0")/.."

allowlist="${CONTROL_PLANE_ALLOWLIST:-docs/control-plane-assemblies.txt}"
pattern='^[[:space:]]*\[[[:space:]]*assembly:.*ControlPlaneAssembly(Attribute)?[[:space:]]*\('

allowed=$(grep -vE '^[[:space:]]*(#|$)' "$allowlist" | awk '{print $1}' | sort -u)
declared=$(grep -rlE --include='*.cs' --exclude-dir={bin,obj,artifacts,.git,node_modules,.tools} "$pattern" . | sed 's|^\./||' | sort -u)

status=0
for file in $declared; do
  if ! grep -qxF "$file" <<<"$allowed"; then
    echo "error TNT003: $file declares [assembly: ControlPlaneAssembly] but is not listed in $allowlist (needs a security review)" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "control-plane declarations: $(wc -w <<<"$declared") file(s), all reviewed"
exit "$status"
