# Sourced by ./pigeon and ./test: finds a JDK of version 21 or newer and exports JAVA_HOME.
# Order: $JAVA_HOME if it is new enough, then `java` on the PATH, then every JDK under /usr/lib/jvm.
java_major() { # prints the major version of the java binary $1, or 0
  # A JDK's `release` file says it without starting a JVM (a JVM start per candidate cost a second under load)
  local release v
  release="$(dirname "$(dirname "$1")")/release"
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n1)
    [ -n "$v" ] && { echo "$v"; return; }
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n1 | grep . || echo 0
}
find_jdk() {
  local candidates=() c
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  c=$(command -v javac 2>/dev/null) && candidates+=("$(dirname "$(dirname "$(readlink -f "$c")")")")
  for c in /usr/lib/jvm/*/ /opt/java/*/ /opt/jdk*/; do [ -d "$c" ] && candidates+=("${c%/}"); done
  local best="" best_v=0 v
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/javac" ] || continue
    v=$(java_major "$c/bin/java")
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$c"; best_v="$v"; fi
  done
  [ -n "$best" ] || { echo "pigeon: needs a JDK 21 or newer (none found in JAVA_HOME, PATH or /usr/lib/jvm)" >&2; return 1; }
  export JAVA_HOME="$best" PIGEON_JDK_MAJOR="$best_v"
}
find_jdk || exit 1
# Maven's own bundled Guava touches sun.misc.Unsafe; keep its warning out of every build log.
# (The flag exists from JDK 23 on.)
[ "$PIGEON_JDK_MAJOR" -ge 23 ] && export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
true
