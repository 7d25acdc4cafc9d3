#!/usr/bin/env bash
# Prepares the ssp comparison from the product checkout at PRODUCT_DIR (a clone with
# `pnpm install` done); ssp/run.sh calls it before every run. Each step only when needed:
#   1. creates the database perf_ssp when it is missing (--reset: drops and recreates it);
#   2. migrates and seeds it with the product's own code (ssp/seed.mjs: createPlatformApp and
#      loadSeedData, what `pnpm start` does before it listens), when the synthetic organisations
#      are missing;
#   3. loads ssp/synthetic.sql (200 councils x 16 subscriptions x 50 requests x 10 status changes)
#      in the same case;
#   3b. (overlay) loads ssp/synthetic-children.sql (50 county councils x 10 delegated schools x 4
#      subscriptions) when the perf-parent-* councils are missing;
#   4. always: signs one token per synthetic organisation with the product's TokenIssuer
#      (ssp/tokens.mjs) into ssp/data/tenants.json, with the keys of ssp/data/signing-keys.json
#      (created on first use; servers/ssp.mjs gives the product the same file); ssp/data/ is in
#      the state folder (PERF_STATE_DIR, see bench/state.mjs).
#
#   PRODUCT_DIR=path/to/product ssp/setup.sh [--reset]
#
# Environment: PERF_PG_SERVER (default postgres://postgres@127.0.0.1:5432, a superuser; the
# product's roles ssp_runtime and ssp_platform must be able to log in: trust auth), SSP_DB
# (default perf_ssp), PERF_STATE_DIR. Needs the harness's packages (ssp/run.sh installs them).
set -euo pipefail
caller=$PWD
source "$(dirname "$0")/../bench/state.sh"
cd "$(dirname "$0")/.."

PG_SERVER=${PERF_PG_SERVER:-postgres://postgres@127.0.0.1:5432}
DB_NAME=${SSP_DB:-perf_ssp}
DB_URL="$PG_SERVER/$DB_NAME"
reset=0
for arg in "$@"; do
  case "$arg" in
    --reset) reset=1 ;;
    -h|--help) sed -n '2,19p' ssp/setup.sh | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

# The product checkout, made absolute (the servers run in perf/).
: "${PRODUCT_DIR:?set PRODUCT_DIR to the product checkout (a clone with pnpm install done)}"
PRODUCT_DIR=$(cd "$caller" && cd "$PRODUCT_DIR" && pwd)
export PRODUCT_DIR
[[ "$DB_NAME" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "SSP_DB must be a plain lower-case name" >&2; exit 2; }

say() { printf '\n== %s\n' "$*"; }
perf_state_ready
psql_admin=(psql -X -q -v ON_ERROR_STOP=1 "$PG_SERVER/postgres")

if (( reset )); then
  say "dropping $DB_NAME"
  "${psql_admin[@]}" -c "drop database if exists $DB_NAME with (force)"
fi
exists=$("${psql_admin[@]}" -tAc "select 1 from pg_database where datname = '$DB_NAME'")
if [[ "$exists" != 1 ]]; then
  say "creating $DB_NAME"
  "${psql_admin[@]}" -c "create database $DB_NAME"
fi

synthetic=$(psql -X -q -tA "$DB_URL" -c "select count(*) from organisations where slug like 'perf-org-%'" 2>/dev/null || echo 0)
if [[ "$synthetic" == 0 ]]; then
  say "migrating and seeding $DB_NAME with the product's own code (ssp/seed.mjs)"
  DATABASE_URL="$DB_URL" LOG_LEVEL=warn node ssp/seed.mjs
  say "loading ssp/synthetic.sql"
  psql -X -q -v ON_ERROR_STOP=1 "$DB_URL" -f ssp/synthetic.sql
elif [[ "$synthetic" != 200 ]]; then
  echo "$DB_NAME holds $synthetic perf-org-* organisations, not 200: run ssp/setup.sh --reset" >&2
  exit 1
fi

parents=$(psql -X -q -tA "$DB_URL" -c "select count(*) from organisations where slug like 'perf-parent-%' and parent_id is null")
if [[ "$parents" == 0 ]]; then
  say "loading ssp/synthetic-children.sql (overlay)"
  psql -X -q -v ON_ERROR_STOP=1 "$DB_URL" -f ssp/synthetic-children.sql
fi

say "signing tokens (ssp/tokens.mjs, ssp/tokens-children.mjs)"
node --import ./bench/deps.mjs ssp/tokens.mjs --database-url "$DB_URL"
node --import ./bench/deps.mjs ssp/tokens-children.mjs --database-url "$DB_URL"
