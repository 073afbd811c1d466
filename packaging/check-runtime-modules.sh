#!/usr/bin/env bash
# Checks that the jlinked runtime of the Linux app image has every module the application needs.
#
# jpackage puts only the modules named with --add-modules in packaging/app.args (and what they
# require) into the runtime. A library added later that needs another JDK or JavaFX module
# (java.net.http, java.prefs, javafx.fxml, ...) passes every test, since tests run on the full
# JDK, and then fails in the installed app with NoClassDefFoundError. This asks jdeps what the
# staged class path (target/jpackage-input/app) needs and fails if the runtime lacks any of it.
# Modules found only by name at run time (security providers such as jdk.crypto.ec, locale data)
# are beyond jdeps: app.args lists them by hand.
#
# Usage, after `mvn -Ppackage package`:  packaging/check-runtime-modules.sh [APP_IMAGE_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

image=${1:-target/jpackage/inpaint-studio}
input=target/jpackage-input
release="$image/lib/runtime/release"
[[ -f "$release" ]] || { echo "no runtime in $image (build it with: mvn -Ppackage package)" >&2; exit 2; }

jdeps=jdeps
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jdeps" ]] && jdeps="$JAVA_HOME/bin/jdeps"

required=$("$jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
    --module-path "$input/javafx" "$input"/app/*.jar 2>/dev/null | tail -n 1)
present=$(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$release")

missing=()
for m in ${required//,/ }; do
    [[ " $present " == *" $m "* ]] || missing+=("$m")
done
if (( ${#missing[@]} )); then
    echo "runtime modules: MISSING ${missing[*]} (needed by the class path, per jdeps: $required)" >&2
    echo "add them to --add-modules in packaging/app.args" >&2
    exit 1
fi
echo "runtime modules: ok (jdeps needs $required; the runtime has $(wc -w <<<"$present") modules)"
