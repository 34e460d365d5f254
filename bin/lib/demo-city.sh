# Shared by the benchmarks: the demo-scale sample city in var/bench/demo, its map and address library loaded into
# the database of var/db.env (or TWOFOUR_DB_URL), and a way to run a class of the application jar.
# shellcheck shell=bash

DEMO=${DEMO:-var/bench/demo}
SEED=${SEED:-20261123}
LIST=public-security/standard_addresses_20261122.txt

# Generates the demo city once; a later run reuses it (delete the folder to generate again).
demo_city() {
    if [ ! -f "$DEMO/manifest.json" ]; then
        bin/twofour samples generate --scale demo --seed "$SEED" --out "$DEMO" >/dev/null
    fi
}

# Loads the demo map and its standard address list; the list is the whole library (retire-missing), so addresses
# of an earlier city in the same database are retired. Running it again changes nothing.
load_demo_city() {
    bin/twofour run load-grids "divisions=$DEMO/divisions.csv" "grids=$DEMO/grids.geojson" >/dev/null
    mkdir -p "var/inbox/$(dirname "$LIST")"
    cp "$DEMO/feeds/$LIST" "var/inbox/$LIST"
    bin/twofour run load-addresses "file=$LIST" retire-missing=true >/dev/null
}

# Runs a main class of the application jar: run_main HEAP CLASS ARGS...
run_main() {
    local heap=$1 main=$2
    shift 2
    TWOFOUR_HOME=$PWD java "-Xmx$heap" -cp target/twofour.jar "-Dloader.main=$main" \
        org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}
