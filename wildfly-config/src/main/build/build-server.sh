#!/bin/sh
# Builds the OpenEBR server: a copy of the unpacked wildfly-dist, configured by the offline CLI
# script(s) in src/main/cli. Skips the work when the inputs (dist, driver, scripts) are unchanged,
# so a repeated build is fast; any change to an input rebuilds the server from the pristine dist.
# usage: build-server.sh DIST_DIR DRIVER_JAR TARGET_DIR   (run from the module directory)
set -eu
dist=$1 driver=$2 server=$3

inputs=$( { echo "dist=$(basename "$dist")"; cat "$driver" src/main/cli/*.cli src/main/build/build-server.sh; } | cksum )
if [ -f "$server/.ebr-build" ] && [ "$(cat "$server/.ebr-build")" = "$inputs" ]; then
    echo "OpenEBR server is up to date: $server"
    exit 0
fi

rm -rf "$server"
cp -R "$dist" "$server"
chmod +x "$server"/bin/*.sh
cp "$driver" "$server/postgresql.jar"
# The CLI works on the server it is started from; it must not inherit a caller's JBOSS_HOME.
cli=$(pwd)/src/main/cli/configure-server.cli
unset JBOSS_HOME
(cd "$server" && ./bin/jboss-cli.sh --file="$cli")
rm -f "$server/postgresql.jar"
rm -rf "$server/standalone/data" "$server/standalone/log" "$server/standalone/tmp" \
       "$server/standalone/configuration/standalone_xml_history"
echo "$inputs" > "$server/.ebr-build"
echo "OpenEBR server built: $server"
