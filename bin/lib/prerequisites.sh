# Shared by the bin/ scripts: make sure the build tools are there and the jar is current.
# Sourced, not run; expects ROOT and JAR to be set.

# Installs the Debian packages named when a command is missing (as root), or says what to run.
require_packages() {
  local missing=$1; shift
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    printf 'twofour: error: %s missing; run as root: apt-get update && apt-get install -y %s\n' "$missing" "$*" >&2
    exit 1
  fi
  printf 'twofour: installing %s\n' "$*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "$@" >/dev/null
}

ensure_java() {
  local missing=""
  command -v javac >/dev/null && javac -version 2>&1 | grep -qE 'javac (1[7-9]|[2-9][0-9])' || missing="JDK 17"
  require_packages "$missing" openjdk-17-jdk-headless
  missing=""
  command -v curl >/dev/null && command -v unzip >/dev/null || missing="curl/unzip"
  require_packages "$missing" curl unzip ca-certificates
}

# The tests open the nightly report in headless Chromium; Chinese labels need a CJK font.
ensure_browser() {
  local missing=""
  command -v chromium >/dev/null && fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="Chromium and a CJK font"
  require_packages "$missing" chromium fonts-noto-cjk
}

# Rebuilds target/twofour.jar when anything it is built from is newer.
build_if_stale() {
  if [ -f "$JAR" ] && [ -z "$(find "$ROOT/pom.xml" "$ROOT/src/main" "$ROOT/schemas" -newer "$JAR" -print -quit)" ]; then
    return
  fi
  printf 'twofour: building %s\n' "${JAR#"$ROOT"/}" >&2
  (cd "$ROOT" && ./mvnw -q -B clean package -DskipTests) >&2
}
