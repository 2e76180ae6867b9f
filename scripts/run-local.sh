#!/usr/bin/env bash
# README command 1: IncidentFlows on this machine, no tenant needed.
#   ./scripts/run-local.sh          Azurite + the standalone server with the sample follow-the-sun team
#                                   + the Microsoft 365 Agents Playground as a Teams-like client
#   ./scripts/run-local.sh --demo   the same, with one-minute acknowledgement timeouts and a SEV1
#                                   declared for you, so you can watch it page and escalate
# Development mode is on for this local run only (the API takes requests without credentials and the
# bot endpoint takes the playground's unsigned activities); the server logs that loudly. In the
# playground the announcement is in the Announcements channel and war rooms post into General (the
# playground cannot show channels Graph would create). Ctrl+C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

demo=false
[ "${1:-}" = "--demo" ] && demo=true

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== installing the pinned local tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "== building the server"
dotnet build functions/IncidentFlows.Server -c Release -v quiet -nologo

state=.local
mkdir -p "$state/azurite"
pids=()
# Stop in reverse order (the server before the Azurite it releases its lease in), each fully.
cleanup() {
  trap - EXIT INT TERM
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[i]}" 2>/dev/null || true; wait "${pids[i]}" 2>/dev/null || true; done
  echo; echo "stopped"
}
trap cleanup EXIT INT TERM

# Blob, queue and table: the incidents run on the Durable Task Framework, whose task hub uses all three.
blob_port=$(free_port); queue_port=$(free_port); azurite_port=$(free_port)
node_modules/.bin/azurite --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$azurite_port" --location "$state/azurite" --skipApiVersionCheck \
  > "$state/azurite.log" 2>&1 &
pids+=($!)
for port in "$blob_port" "$queue_port" "$azurite_port"; do
  for _ in $(seq 1 100); do curl -s "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -s "http://127.0.0.1:$port/" >/dev/null 2>&1 || { echo "Azurite did not start; see $state/azurite.log"; exit 1; }
done

team_file=samples/teams/follow-the-sun.json
if $demo; then
  team_file="$state/follow-the-sun-demo.json"
  node -e '
    const fs = require("fs"); const team = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    for (const p of team.policies) for (const l of p.levels) l.ackTimeoutMinutes = 1;
    fs.writeFileSync(process.argv[2], JSON.stringify(team, null, 2));' samples/teams/follow-the-sun.json "$team_file"
fi

server_port=$(free_port)
base="http://127.0.0.1:$server_port"
playground_port=$(free_port)
export IncidentFlows__Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"
export IncidentFlows__Team__ConfigFile="$PWD/$team_file"
export IncidentFlows__DevelopmentMode=true   # no credentials needed: only in Development, only on loopback
export ASPNETCORE_ENVIRONMENT=Development
export IncidentFlows__Teams__PublicBaseUrl="$base/"   # cards link to the incident homepage here
export Logging__Console__FormatterOptions__SingleLine=true
# Teams through the Agents Playground: its bot id, its channels, its mocked Bot Connector.
export IncidentFlows__Teams__AppId=00000000-0000-0000-0000-00000000000011
export IncidentFlows__Teams__IncidentsChannelId=channel-announcements-id
export IncidentFlows__Teams__WarRoomChannelId=team-id
export IncidentFlows__Teams__DefaultServiceUrl="http://localhost:$playground_port/_connector"
dotnet functions/IncidentFlows.Server/bin/Release/net10.0/IncidentFlows.Server.dll --urls "$base" --Logging:LogLevel:Microsoft.AspNetCore=Warning --Logging:LogLevel:System.Net.Http.HttpClient=Warning &
pids+=($!)

for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$base/healthz" >/dev/null || { echo "the server did not start; see the lines above"; exit 1; }

# TEAMSAPPTESTER_BROWSER=none: it would try to open a browser itself (and exit where there is none).
# Started in .local so its devTools/ log stays out of the repository. It listens on all interfaces.
(cd "$state" && TEAMSAPPTESTER_BROWSER=none exec ../node_modules/.bin/agentsplayground -p "$playground_port" \
   -e "$base/api/messages" -c msteams --dt > agentsplayground.log 2>&1) &
pids+=($!)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$playground_port/_debug/ping" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$playground_port/_debug/ping" >/dev/null || { echo "the Agents Playground did not start; see $state/agentsplayground.log"; exit 1; }

cat <<INFO

IncidentFlows is running (team: Platform, three-region follow-the-sun; data in $state/azurite)
  Teams          http://localhost:$playground_port   (Agents Playground: write "declare sev2 checkout failing",
                 press Acknowledge on the card, watch the Announcements channel; "help" lists the commands)
  Web pages      $base/   (incidents, on call at $base/oncall, metrics at $base/metrics)
  API            $base/api/incidents
  OpenAPI        $base/openapi/v1.json
  who's on call  $base/api/oncall
  health         $base/healthz
  alert intake   $base/api/alerts/alertmanager   (Prometheus Alertmanager webhook)
                 $base/api/alerts/grafana        (Grafana webhook contact point)
                 $base/api/alerts/azure-monitor  (Azure Monitor action group, common alert schema)
                 $base/api/alerts/generic        (anything else; docs/alerts.md)

Try:
  curl -s -X POST $base/api/incidents -H 'content-type: application/json' \\
       -d '{"title":"Checkout failing","severity":"sev1","service":"checkout"}'
  curl -s -X POST $base/api/incidents/INC-1/acknowledge
  curl -s $base/api/incidents/INC-1/timeline?tz=Europe/London
  curl -s $base/api/incidents/INC-1/postmortem
Ctrl+C stops everything.
INFO

if $demo; then
  echo
  echo "== demo: declaring a SEV1 on checkout; nobody will acknowledge it, so watch the escalation in the playground's General channel every minute"
  curl -s -X POST "$base/api/incidents" -H 'content-type: application/json' \
       -d '{"title":"Demo: checkout failing","severity":"sev1","service":"checkout","kind":"drill"}'
  echo
fi

wait
