#!/usr/bin/env bash
# Writes the class-data archive (AppCDS) of one appassembler launcher: runs the launcher once with
# -XX:ArchiveClassesAtExit, so the classes that run loads are dumped to <appdir>/cds/<name>.jsa, which the
# launcher then maps on every start (see launcher/README.md).
#
#   make-cds-archive.sh <appassembler dir> <launcher name> [training arguments...]
#
# Never fails the build: without an archive the launcher simply starts a little slower. Set
# VENUS_MARKET_CDS_TRAINING_OPTS to add JVM flags to the training run (venus-market passes its training switch).
set -u
app=${1:?appassembler directory}
name=${2:?launcher name}
shift 2
launcher="$app/bin/$name"
jsa="$app/cds/$name.jsa"
log="$app/cds/$name.training.log"

mkdir -p "$app/cds" || exit 0
rm -f "$jsa"
if [ ! -x "$launcher" ]; then
  echo "cds: $launcher not found; $name starts without a class-data archive"
  exit 0
fi
# The launcher adds no archive flags while $jsa is absent, so it runs with the classpath and JVM the archive is
# meant for. The dump goes to a temporary name and is renamed only when complete.
if JAVA_OPTS="-XX:ArchiveClassesAtExit=$jsa.tmp ${VENUS_MARKET_CDS_TRAINING_OPTS:-}" \
    "$launcher" "$@" > "$log" 2>&1 < /dev/null && [ -s "$jsa.tmp" ]; then
  mv -f "$jsa.tmp" "$jsa"
  echo "cds: wrote $jsa ($(( $(wc -c < "$jsa") / 1024 )) KiB)"
else
  rm -f "$jsa.tmp"
  echo "cds: no class-data archive for $name (see $log); it starts without one"
fi
exit 0
