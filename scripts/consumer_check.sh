#!/usr/bin/env bash
# Builds examples/core-consumer, a project that depends on the installed core artifact alone
# (org.probationlens:probation-lens, from `mvn install` of this directory), runs the README's
# library example with it, and checks that its dependency tree has none of the kernel's stack,
# Spark, Parquet/Hadoop or slf4j-nop, and that the library jar holds no kernel or cli class and no
# sources bundle (those are the kernel module's). Prints "N passed, N failed" for ./lens test.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/examples/core-consumer"
log="$(mktemp)"
passed=0 failed=0
ok() { echo "consumer: PASS $1"; passed=$((passed + 1)); }
ko() { echo "consumer: FAIL $1"; failed=$((failed + 1)); }

if mvn -B -q -f "$DIR/pom.xml" dependency:tree -DoutputFile="$log" >/dev/null 2>&1; then
  ok "dependency tree resolves"
  bad="$(grep -Ei 'jupyter-jvm-basekernel|jeromq|org\.apache\.spark|org\.apache\.(parquet|hadoop)|slf4j-nop|probation-lens-kernel' "$log" || true)"
  if [ -z "$bad" ]; then ok "no kernel stack, Spark, Parquet/Hadoop or slf4j-nop in the tree"; else ko "tree has: $bad"; fi
else
  ko "dependency tree (is the core installed? mvn -B -DskipTests install)"
fi
jar="$(ls "$ROOT"/target/probation-lens-*-SNAPSHOT.jar 2>/dev/null | grep -v -- '-tests\.jar$\|-sources\.jar$\|-javadoc\.jar$' | head -n 1)"
if [ -n "$jar" ]; then
  inside="$(jar tf "$jar" | grep -E '^org/probationlens/(kernel|cli)/|^META-INF/lens-sources/' | head -n 3 || true)"
  if [ -z "$inside" ]; then
    ok "the library jar holds no kernel or cli class and no sources bundle ($(wc -c <"$jar") bytes)"
  else
    ko "the library jar holds: $inside"
  fi
else
  ko "no library jar in target/ (run: mvn -B -DskipTests install)"
fi
if mvn -B -q -f "$DIR/pom.xml" compile exec:java -Dexec.args="$ROOT" >"$log" 2>&1; then
  cat "$log"
  if grep -q 'shortfall_range_2015_16' "$log" && grep -q '^CPAs: 21' "$log"; then
    ok "the README example runs"
  else
    ko "the README example printed no check"
  fi
else
  cat "$log"
  ko "the README example failed to build or run"
fi
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
