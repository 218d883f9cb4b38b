#!/usr/bin/env bash
# Bundles plotly.js into the jar at build time (called by Maven in generate-resources).
#
#   scripts/bundle-plotly.sh VERSION INTEGRITY SHA256 OUT_DIR CACHE_DIR
#
# Fetches the npm package plotly.js-dist-min@VERSION with `npm pack` (the npm registry through
# npm's own client and cache), checks the tarball against INTEGRITY (the registry's sha512
# "integrity" string, pinned in pom.xml), checks plotly.min.js inside it against SHA256 (also
# pinned), and writes plotly.min.js, its MIT licence and plotly.properties into OUT_DIR.
# Nothing is fetched at run time: the library ships inside the jar.
set -euo pipefail

die() { printf 'bundle-plotly: error: %s\n' "$*" >&2; exit 1; }

[ $# -eq 5 ] || die "usage: $0 VERSION INTEGRITY SHA256 OUT_DIR CACHE_DIR (got $# arguments)"
version="$1" integrity="$2" sha256="$3" out="$4" cache="$5"
package="plotly.js-dist-min"
target="$out/plotly.min.js"

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# Already bundled and intact: nothing to do (keeps incremental builds offline and fast).
if [ -f "$target" ] && [ -f "$out/plotly.properties" ] && [ "$(sha256_of "$target")" = "$sha256" ]; then
  exit 0
fi

command -v npm >/dev/null 2>&1 || die "npm is needed at build time to fetch $package@$version (Debian: apt-get install -y npm)"
command -v node >/dev/null 2>&1 || die "node is needed at build time to check the npm integrity of $package@$version (Debian: apt-get install -y nodejs)"

mkdir -p "$cache" "$out"
tgz="$cache/$package-$version.tgz"
if [ ! -f "$tgz" ]; then
  printf 'bundle-plotly: fetching %s@%s with npm pack\n' "$package" "$version" >&2
  (cd "$cache" && npm pack --prefer-offline --silent "$package@$version" >/dev/null) \
    || die "npm pack $package@$version failed (is the npm registry reachable?)"
  [ -f "$tgz" ] || die "npm pack did not write $tgz"
fi

actual_integrity="sha512-$(node -e '
  const crypto = require("crypto"), fs = require("fs");
  process.stdout.write(crypto.createHash("sha512").update(fs.readFileSync(process.argv[1])).digest("base64"));
' "$tgz")"
if [ "$actual_integrity" != "$integrity" ]; then
  rm -f "$tgz"
  die "$tgz: integrity $actual_integrity does not match the pinned $integrity (pom.xml property plotly.integrity)"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$tgz" -C "$work" package/plotly.min.js package/LICENSE \
  || die "$tgz: cannot extract package/plotly.min.js and package/LICENSE"
actual_sha256="$(sha256_of "$work/package/plotly.min.js")"
[ "$actual_sha256" = "$sha256" ] \
  || die "$tgz: package/plotly.min.js has SHA-256 $actual_sha256, expected the pinned $sha256 (pom.xml property plotly.sha256)"
head -c 200 "$work/package/plotly.min.js" | grep -q "plotly.js v$version" \
  || die "$tgz: package/plotly.min.js does not announce version $version in its header"

cp "$work/package/LICENSE" "$out/plotly.LICENSE.txt"
cat > "$out/plotly.properties.tmp" <<PROPS
# plotly.js bundled at build time by scripts/bundle-plotly.sh
package=$package
version=$version
integrity=$integrity
sha256=$sha256
size=$(wc -c < "$work/package/plotly.min.js" | tr -d ' ')
PROPS
cp "$work/package/plotly.min.js" "$target.tmp"
mv "$target.tmp" "$target"
mv "$out/plotly.properties.tmp" "$out/plotly.properties"
printf 'bundle-plotly: bundled %s@%s (%s bytes, sha256 %s)\n' "$package" "$version" \
  "$(wc -c < "$target" | tr -d ' ')" "$sha256" >&2
