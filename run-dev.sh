#!/usr/bin/env bash
# Starts Keycloak 26.7.3 (from Maven Central) on its embedded dev database with the provider, the
# themes and the demo realm from realm-config/. Needs only Java 17, Maven and (for the themes) npm.
#   PORT=8080 ./run-dev.sh           # then open http://localhost:8080/realms/acme/account
#   FRESH=1 ./run-dev.sh             # forget the dev database and re-import the demo realm
set -euo pipefail
cd "$(dirname "$0")"
PORT="${PORT:-8080}"
MGMT_PORT="${MGMT_PORT:-9000}"
KC_VERSION=26.7.3
HOME_DIR=.dev-keycloak/keycloak-$KC_VERSION

mvn -q -B -DskipTests package

if [ "${FRESH:-0}" = "1" ]; then rm -rf .dev-keycloak; fi
if [ ! -x "$HOME_DIR/bin/kc.sh" ]; then
  mkdir -p .dev-keycloak
  cp -a "provider/target/keycloak-dist/keycloak-$KC_VERSION" "$HOME_DIR"
fi
rm -f "$HOME_DIR"/providers/keycloak-personal-tokens*.jar
find provider/target -maxdepth 1 -name 'keycloak-personal-tokens-*.jar' ! -name '*-testing.jar' -exec cp {} "$HOME_DIR/providers/" \;
if ls themes/target/keycloak-personal-tokens-themes-*.jar >/dev/null 2>&1; then
  cp themes/target/keycloak-personal-tokens-themes-*.jar "$HOME_DIR/providers/"
fi
mkdir -p "$HOME_DIR/data/import"
cp realm-config/*.json "$HOME_DIR/data/import/"

# The same options as docker-compose.yml and the test servers.
set -a; . ./keycloak.env; set +a
echo "Keycloak on http://localhost:$PORT  (admin/admin; demo realm 'acme': alice/alice, bob/bob, owner/owner)"
# Trusts X-Forwarded-For from a reverse proxy on this machine only (docs/proxies/nginx.conf), so
# that allowed networks and throttling see the real client behind it.
exec "$HOME_DIR/bin/kc.sh" start-dev --http-port="$PORT" --http-management-port="$MGMT_PORT" --import-realm \
  --proxy-headers=xforwarded --proxy-trusted-addresses=127.0.0.1
