#!/usr/bin/env bash
# Builds the .deb, installs it on this machine, checks what a double-click on a .dcm file relies on, and removes
# the package again, also when a check fails. Exits non-zero when any check fails. Run as root on Debian or
# Ubuntu; it needs the shared sample set beside the project (../shared/samples).
#
# Usage: installer/test-deb.sh [--install-prerequisites] [--skip-maven]
#   --install-prerequisites  apt-get install the packages the build and the checks need, where missing (CI)
#   --skip-maven             use the jar that `mvn package` or `mvn verify` already built
set -euo pipefail
cd "$(dirname "$0")/.."

sample=../shared/samples/US1_UNCR.dcm
package=sonocine
launcher=/opt/sonocine/bin/Sonocine
desktop_entry=/usr/share/applications/sonocine-Sonocine.desktop
# fakeroot and binutils build the .deb; the package's own scripts call xdg-utils, which needs shared-mime-info
# and desktop-file-utils to register the file type; the package depends on libgtk-3-0.
prerequisites=(fakeroot binutils xdg-utils shared-mime-info desktop-file-utils libgtk-3-0)

install_prerequisites=false
build_options=()
for option in "$@"; do
  case "$option" in
    --install-prerequisites) install_prerequisites=true ;;
    --skip-maven) build_options+=(--skip-maven) ;;
    *) sed -n '2,9s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
  esac
done

fail() { echo "test-deb: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "installing a package needs root."
[ -f "$sample" ] || fail "the sample $sample is missing: the shared sample set must lie beside the project."
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q ' installed$'; then
  fail "$package is installed already, and this test would remove it: remove it first (dpkg -r $package)."
fi

missing=()
for p in "${prerequisites[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q ' installed$' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $install_prerequisites || fail "missing packages: ${missing[*]} (apt-get install them, or pass --install-prerequisites)."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# xdg-desktop-menu, which the package's scripts call, refuses to work without these folders. Every desktop has
# them; a bare system (a container, CI) may not. Folders made here go again at the end.
made_folders=()
for folder in /etc/xdg/menus /usr/share/desktop-directories; do
  if [ ! -d "$folder" ]; then
    mkdir -p "$folder"
    made_folders+=("$folder")
  fi
done

remove_package() {
  if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'installed'; then
    dpkg --purge "$package" >/dev/null
  fi
}
clean_up() {
  remove_package || echo "test-deb: could not remove $package: remove it by hand (dpkg --purge $package)." >&2
  if [ ${#made_folders[@]} -gt 0 ]; then
    rm -rf "${made_folders[@]}"
  fi
}
trap clean_up EXIT

passed=0
failed=0
check() {
  local description=$1
  shift
  if "$@"; then
    echo "ok    $description"
    passed=$((passed + 1))
  else
    echo "FAIL  $description"
    failed=$((failed + 1))
  fi
}

installer/build.sh ${build_options[@]+"${build_options[@]}"}
debs=(target/installer/"$package"_*.deb)
[ -f "${debs[0]}" ] || fail "installer/build.sh made no .deb."
deb=${debs[0]}

echo "Installing $deb"
dpkg -i "$deb" >/dev/null

# Output is captured before grep reads it: with pipefail, grep -q leaving early could fail the writer.
depends_on_gtk() {
  local depends
  depends=$(dpkg-query -W -f='${Depends}' "$package") || return 1
  grep -Eq '(^|[ ,])libgtk-3-0([ ,(]|$)' <<<"$depends"
}
check "the package depends on libgtk-3-0" depends_on_gtk
check "the desktop entry is installed" test -f "$desktop_entry"
check "the desktop entry declares MimeType=application/dicom" grep -qx 'MimeType=application/dicom;' "$desktop_entry"
passes_files() { grep -Eq "^Exec=$launcher %F$" "$desktop_entry"; }
check "the desktop entry passes the opened files (Exec=... %F)" passes_files
check "the desktop entry is valid" desktop-file-validate "$desktop_entry"
globs_dcm() { grep -Eq '^[0-9]+:application/dicom:\*\.dcm(:|$)' /usr/share/mime/globs2; }
check "*.dcm files are application/dicom" globs_dcm
default_handler() { [ "$(xdg-mime query default application/dicom)" = "$(basename "$desktop_entry")" ]; }
check "xdg-mime names Sonocine as the default for application/dicom" default_handler
runs_info() {
  local info
  info=$(timeout 60 "$launcher" info "$sample") || return 1
  grep -Eq '^ +Modality +US$' <<<"$info"
}
check "the installed launcher runs 'info' on a sample" runs_info
has_viewer_options() {
  local option
  while IFS= read -r option; do
    if [ -n "$option" ] && [[ $option != \#* ]]; then
      grep -Fqx -- "java-options=$option" /opt/sonocine/lib/app/Sonocine.cfg || return 1
    fi
  done < resources/org/sonocine/app/viewer-jvm-options.txt
}
check "the installed launcher starts the JVM with the viewer's options" has_viewer_options

echo "Removing $package"
remove_package
check "removing the package takes the desktop entry away" test ! -e "$desktop_entry"
check "removing the package takes /opt/sonocine away" test ! -e /opt/sonocine

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
