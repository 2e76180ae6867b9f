#!/usr/bin/env bash
# Builds the Teams app package: manifest.json with the bot's app id filled in, plus the two icons,
# zipped flat as Teams expects. Upload the zip in Teams (Apps > Manage your apps > Upload an app) or
# the Teams admin center (docs/deploy.md).
#
#   infra/teams/package.sh <bot-app-id> [out.zip]
#   infra/teams/package.sh --resource-group <rg> [out.zip]   # reads the botAppId output of deployment 'incidentflows'
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if [ "${1:-}" = "--resource-group" ]; then
  bot_id=$(az deployment group show --resource-group "${2:?resource group}" --name incidentflows \
    --query properties.outputs.botAppId.value --output tsv)
  shift 2
else
  bot_id="${1:?usage: package.sh <bot-app-id> [out.zip] | --resource-group <rg> [out.zip]}"
  shift
fi
out="$(realpath -m "${1:-incidentflows-teams.zip}")"

if ! [[ "$bot_id" =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]]; then
  echo "The bot app id must be a GUID (the identity's client id); got '$bot_id'." >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed "s/{{BOT_ID}}/$bot_id/g" "$here/manifest.json" > "$work/manifest.json"
if grep -q '{{' "$work/manifest.json"; then
  echo "manifest.json still has a placeholder after filling in the bot id." >&2
  exit 1
fi
[ -f "$here/color.png" ] && [ -f "$here/outline.png" ] || python3 "$here/make-icons.py"
cp "$here/color.png" "$here/outline.png" "$work/"

rm -f "$out"
if command -v zip >/dev/null; then
  (cd "$work" && zip -q -X "$out" manifest.json color.png outline.png)
else
  python3 - "$work" "$out" <<'PY'
import sys, zipfile, os
work, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "color.png", "outline.png"):
        z.write(os.path.join(work, name), name)
PY
fi
echo "$out (bot $bot_id)"
