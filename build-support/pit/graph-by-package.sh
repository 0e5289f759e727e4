#!/usr/bin/env bash
# Mutation testing of b2c-permissions-graph one package group at a time, so that each PIT run can
# finish on a small machine (a whole-module run makes 63 mutation units and has not ended in 30
# minutes on 2 cores). Each group's mutations.xml is kept in target-logs/pit/<group>/, and the
# score is summed over all groups' results (detected = killed or timed out, as PIT counts it).
#
#   build-support/pit/graph-by-package.sh               run every group, then print the table
#   build-support/pit/graph-by-package.sh --group check run one group, then print the table
#   build-support/pit/graph-by-package.sh --summary     only re-sum the results already kept
#   build-support/pit/graph-by-package.sh --survivors check   list a group's surviving mutants
#
# PIT_THREADS (default 2) sets PIT's worker threads (mutation.graph.threads). MVN_NICE (default
# 10) is the niceness of the Maven run; MVN_OFFLINE (default -o) may be set empty to let Maven fetch
# PIT the first time. Run it from anywhere inside the repository.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
results="$root/target-logs/pit"
threads="${PIT_THREADS:-2}"
niceness="${MVN_NICE:-10}"
offline="${MVN_OFFLINE--o}"
base='io.github.b2cpermissions.graph'

groups=(check http root credentials fleet throttle small)

# The globs PIT mutates for a group (comma-separated) and the globs it leaves out. PIT's "*"
# matches dots too, so the root package alone is graph.* minus graph.internal.*.
targets() {
  case "$1" in
    check|http|credentials|fleet|throttle) echo "$base.internal.$1.*" ;;
    root) echo "$base.*" ;;
    small) echo "$base.internal.await.*,$base.internal.cache.*,$base.internal.call.*,$base.internal.observe.*,$base.internal.remediation.*,$base.internal.tenant.*" ;;
    *) echo "unknown group: $1 (one of: ${groups[*]})" >&2; return 1 ;;
  esac
}

excluded() {
  case "$1" in
    root) echo "$base.internal.*" ;;
    *) echo "$base.NoClassIsNamedThis" ;;
  esac
}

run_group() {
  local group="$1" target exclude dir log start end status
  target="$(targets "$group")"
  exclude="$(excluded "$group")"
  dir="$results/$group"
  log="$root/target-logs/pit-$group.log"
  mkdir -p "$dir" "$root/target-logs"
  rm -rf "$root/b2c-permissions-graph/target/pit-reports"
  start="$(date -u +%s)"
  echo "group $group: $target (excluding $exclude), $threads threads; log $log"
  local load_before commit
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  # The code measured is what Maven compiles now; edits made while PIT runs are not in it.
  commit="$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- . || echo '+uncommitted')"
  set +e
  (cd "$root" && nice -n "$niceness" mvn -B $offline -Pmutation -pl b2c-permissions-graph -am verify \
      -Dmutation.skip=true -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
      -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
      "-Dmutation.graph.targetClasses=$target" "-Dmutation.graph.excludedClasses=$exclude" \
      "-Dmutation.graph.threads=$threads") >"$log" 2>&1
  status=$?
  set -e
  end="$(date -u +%s)"
  local xml
  xml="$(find "$root/b2c-permissions-graph/target/pit-reports" -name mutations.xml 2>/dev/null \
      | head -n 1 || true)"
  if [[ $status -ne 0 || -z "$xml" ]]; then
    echo "group $group: Maven failed (exit $status) or wrote no mutations.xml; see $log" >&2
    return 1
  fi
  cp "$xml" "$dir/mutations.xml"
  {
    echo "date=$(date -u -d "@$start" +%Y-%m-%dT%H:%MZ)"
    echo "wall_seconds=$((end - start))"
    echo "load_before=$load_before"
    echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "threads=$threads"
    echo "commit=$commit"
  } >"$dir/run.properties"
  echo "group $group: done in $(((end - start) / 60)) min $(((end - start) % 60)) s"
}

count() { # count <file> <pattern>
  grep -o "$2" "$1" | wc -l | tr -d ' '
}

prop() { # prop <file> <key>
  sed -n "s/^$2=//p" "$1"
}

summary() {
  local all_total=0 all_detected=0 group xml total detected survived uncovered
  printf '%-12s %8s %9s %9s %9s %7s %9s  %-17s %-16s %s\n' group mutants detected survived \
      no-cover score wall date load commit
  for group in "${groups[@]}"; do
    xml="$results/$group/mutations.xml"
    if [[ ! -f "$xml" ]]; then
      printf '%-12s %s\n' "$group" 'not measured'
      continue
    fi
    total="$(count "$xml" '<mutation ')"
    detected="$(count "$xml" "detected='true'")"
    survived="$(count "$xml" "status='SURVIVED'")"
    uncovered="$(count "$xml" "status='NO_COVERAGE'")"
    all_total=$((all_total + total))
    all_detected=$((all_detected + detected))
    local meta="$results/$group/run.properties" wall
    wall="$(prop "$meta" wall_seconds)"
    printf '%-12s %8d %9d %9d %9d %6s%% %6dm%02ds  %-17s %-16s %s\n' "$group" "$total" \
        "$detected" "$survived" "$uncovered" "$(percent "$detected" "$total")" \
        "$((wall / 60))" "$((wall % 60))" "$(prop "$meta" date)" \
        "$(prop "$meta" load_before | cut -d' ' -f1)->$(prop "$meta" load_after | cut -d' ' -f1)" \
        "$(prop "$meta" commit)"
  done
  printf '%-12s %8d %9d %19s %6s%%  (groups measured only)\n' all "$all_total" "$all_detected" '' \
      "$(percent "$all_detected" "$all_total")"
}

percent() {
  if [[ "$2" -eq 0 ]]; then echo '-'; else awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", 100*a/b}'; fi
}

survivors() {
  local xml="$results/$1/mutations.xml"
  [[ -f "$xml" ]] || { echo "group $1: not measured" >&2; return 1; }
  # One <mutation> element per line: class, method, line, status, description.
  grep -E "status='(SURVIVED|NO_COVERAGE)'" "$xml" | sed -E \
      -e "s/.*status='([A-Z_]+)'.*<mutatedClass>([^<]*)<\/mutatedClass>.*<mutatedMethod>([^<]*)<\/mutatedMethod>.*<lineNumber>([0-9]+)<\/lineNumber>.*<description>([^<]*)<\/description>.*/\2.\3:\4 \1 \5/" \
      -e "s/^$base\.//"
}

case "${1:-}" in
  --summary) summary ;;
  --survivors) survivors "${2:?--survivors needs a group}" ;;
  --group)
    targets "${2:?--group needs a name}" >/dev/null
    run_group "$2" || true
    summary ;;
  '')
    for g in "${groups[@]}"; do run_group "$g" || true; done
    summary ;;
  *) echo "usage: $0 [--summary | --group NAME | --survivors NAME]; groups: ${groups[*]}" >&2; exit 2 ;;
esac
