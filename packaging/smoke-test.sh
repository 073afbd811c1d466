#!/usr/bin/env bash
# Smoke tests of what `mvn -Ppackage package` built on Linux (target/jpackage/):
#   1. the launcher prints the version with --version and exits 0, with no display;
#   2. the jlinked runtime has every module the class path needs (check-runtime-modules.sh);
#   3. the .deb, if one was built, holds the launcher, the menu entry and the icon, and
#      depends on GTK 3;
#   4. the launcher with no arguments opens the main window under Xvfb, if xvfb-run is here
#      (apt-get install -y xvfb libgtk-3-0 x11-utils), with nothing on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

image=target/jpackage/inpaint-studio
launcher="$image/bin/inpaint-studio"
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }

[[ -x "$launcher" ]] || fail "no launcher at $launcher (build it with: mvn -Ppackage -DskipTests package)"
version=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)

# 1. --version, headless
out=$(env -u DISPLAY -u WAYLAND_DISPLAY timeout 60 "$launcher" --version) || fail "'$launcher --version' exited $?"
[[ "$out" == *"Inpaint Studio $version"* ]] || fail "'--version' printed '$out', expected 'Inpaint Studio $version'"
echo "launcher --version: $out"

# 2. runtime modules
packaging/check-runtime-modules.sh "$image"

# 3. the .deb
shopt -s nullglob
debs=(target/jpackage/*.deb)
if (( ${#debs[@]} )); then
    deb=${debs[0]}
    listing=$(dpkg-deb -c "$deb")
    for f in ./opt/inpaint-studio/bin/inpaint-studio \
             ./opt/inpaint-studio/lib/inpaint-studio-inpaint-studio.desktop \
             ./opt/inpaint-studio/lib/inpaint-studio.png; do
        grep -q " $f\$" <<<"$listing" || fail "$deb lacks $f"
    done
    depends=$(dpkg-deb -f "$deb" Depends)
    [[ "$depends" == *libgtk-3-0* ]] || fail "$deb does not depend on libgtk-3-0: $depends"
    desktop=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/inpaint-studio/lib/inpaint-studio-inpaint-studio.desktop)
    grep -qx 'Exec=/opt/inpaint-studio/bin/inpaint-studio %f' <<<"$desktop" || fail "unexpected Exec line in the .desktop file"
    grep -qx 'Name=Inpaint Studio' <<<"$desktop" || fail "unexpected Name in the .desktop file"
    echo "deb: $(basename "$deb"), $(du -h "$deb" | cut -f1), launcher + .desktop + icon, depends on libgtk-3-0"
else
    echo "deb: none built, not checked"
fi

# 4. the main window under Xvfb
if ! command -v xvfb-run >/dev/null; then
    echo "window: xvfb-run not installed, not checked"
elif ! /sbin/ldconfig -p | grep -q 'libgtk-3\.so\.0'; then
    echo "window: GTK 3 (libgtk-3-0), which JavaFX needs for a window, not installed, not checked"
else
    log=$(mktemp)
    # Inside Xvfb: start the app, wait up to 30 s for a window titled "Inpaint Studio" (or, with
    # no xwininfo, for the app to stay up 10 s), then close it.
    if ! timeout 90 xvfb-run -a bash -c '
        "$1" >"$2" 2>&1 & pid=$!
        for _ in $(seq 60); do
            sleep 0.5
            kill -0 "$pid" 2>/dev/null || { wait "$pid"; echo "[app exited with $?]" >>"$2"; exit 1; }
            if command -v xwininfo >/dev/null; then
                xwininfo -root -tree | grep -q "\"[^\"]*Inpaint Studio[^\"]*\": (" && { kill "$pid"; exit 0; }
            elif (( SECONDS >= 10 )); then
                kill "$pid"; exit 0
            fi
        done
        echo "[no window after 30 s]" >>"$2"; kill "$pid"; exit 1
    ' _ "$launcher" "$log"; then
        cat "$log" >&2; fail "the app did not open its window under Xvfb"
    fi
    # Java exceptions and errors fail it; GTK's own warnings (no accessibility bus, ...) do not.
    if grep -Eq '(Exception|Error)(:| in thread)|^Error|java\.lang\.[A-Za-z]+Error' "$log"; then
        cat "$log" >&2; fail "the app wrote errors while starting under Xvfb"
    fi
    [[ -s "$log" ]] && { echo "app output while starting:"; sed 's/^/  /' "$log"; }
    rm -f "$log"
    echo "window: the app opened its main window under Xvfb"
fi
echo "smoke test passed"
