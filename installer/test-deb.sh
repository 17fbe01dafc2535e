#!/usr/bin/env bash
# Builds the .deb and installs it three times: on this machine as it is, without the menu folders a bare system
# lacks (it must install there too, without a menu entry), and with them, where it checks what a double-click on a
# .dcm file relies on. It removes the package after each, also when a check fails, and puts back the folders it
# moved or made. Exits non-zero when any check fails. Run as root on Debian or Ubuntu; it needs the shared sample
# set beside the project (../shared/samples).
#
# Usage: installer/test-deb.sh [--install-prerequisites] [--skip-maven]
#   --install-prerequisites  apt-get install the packages the build and the checks need, where missing (CI)
#   --skip-maven             use the jar that `mvn package` or `mvn verify` already built
set -euo pipefail
cd "$(dirname "$0")/.."

sample=../shared/samples/US1_UNCR.dcm
package=sonocine
launcher=/opt/sonocine/bin/Sonocine
# What the menu entry and the sonocine command run instead of jpackage's launcher (installer/linux/sonocine).
script=/opt/sonocine/lib/app/sonocine
command_link=/usr/bin/sonocine
desktop_entry=/usr/share/applications/sonocine-Sonocine.desktop
mime_package=/usr/share/mime/packages/sonocine-Sonocine-MimeInfo.xml
# fakeroot and binutils build the .deb; the package's own scripts call xdg-utils, which needs shared-mime-info
# and desktop-file-utils to register the file type; the package depends on libgtk-3-0. Xvfb is the display, with
# no usable OpenGL, on which the viewer is started.
prerequisites=(fakeroot binutils xdg-utils shared-mime-info desktop-file-utils libgtk-3-0 xvfb)

install_prerequisites=false
build_options=()
for option in "$@"; do
  case "$option" in
    --install-prerequisites) install_prerequisites=true ;;
    --skip-maven) build_options+=(--skip-maven) ;;
    *) sed -n '2,11s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
  esac
done

fail() { echo "test-deb: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "installing a package needs root."
[ -f "$sample" ] || fail "the sample $sample is missing: the shared sample set must lie beside the project."
status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
if [ -n "$status" ] && [ "$status" != not-installed ]; then
  fail "$package is installed already ($status), and this test would remove it: dpkg --purge $package first."
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

# What decides the menu entry: xdg-desktop-menu refuses to work without these folders. Every desktop has them; a
# bare system (a container, CI) may not, and the package must install there too, without a menu entry.
menu_folders=(/etc/xdg/menus /usr/share/desktop-directories)
skip_message='sonocine: menu entry skipped: '
# The system-wide defaults list, where xdg-desktop-menu adds Sonocine to the application/dicom line and the
# package's prerm must take it off again.
defaults_list=/usr/share/applications/defaults.list
other_handler=test-deb-other.desktop
maintainer_email=$(sed -n 's/^maintainer_email=//p' installer/build.sh)
[ -n "$maintainer_email" ] || fail "installer/build.sh sets no maintainer_email."

# Folders this script moves aside or makes, and the defaults list it saves, go back as they were at the end.
moved_folders=()
made_folders=()
saved_defaults_list=""
restore_menu_folders() {
  local folder
  for folder in ${made_folders[@]+"${made_folders[@]}"}; do
    rm -rf "$folder"
  done
  made_folders=()
  for folder in ${moved_folders[@]+"${moved_folders[@]}"}; do
    if [ -e "$folder" ]; then
      echo "test-deb: $folder appeared meanwhile: the original is left in $folder.test-deb-aside." >&2
    else
      mv "$folder.test-deb-aside" "$folder"
    fi
  done
  moved_folders=()
}
move_menu_folders_aside() {
  local folder
  restore_menu_folders
  for folder in "${menu_folders[@]}"; do
    if [ -e "$folder" ]; then
      mv "$folder" "$folder.test-deb-aside"
      moved_folders+=("$folder")
    fi
  done
}
make_menu_folders() {
  local folder
  restore_menu_folders
  for folder in "${menu_folders[@]}"; do
    if [ ! -d "$folder" ]; then
      mkdir -p "$folder"
      made_folders+=("$folder")
    fi
  done
}
restore_defaults_list() {
  case "$saved_defaults_list" in
    "") ;;
    absent) rm -f "$defaults_list" ;;
    *) cat "$saved_defaults_list" >"$defaults_list"; rm -f "$saved_defaults_list" ;;
  esac
  saved_defaults_list=""
}

# dpkg's output is kept for the checks on what the package's scripts said.
dpkg_output=""
install_package() {
  dpkg_output=$(dpkg -i "$deb" 2>&1) && return 0
  echo "$dpkg_output" >&2
  return 1
}
remove_package() {
  local status
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null) || return 0
  [ "$status" != not-installed ] || return 0
  dpkg_output=$(dpkg --purge "$package" 2>&1) && return 0
  echo "$dpkg_output" >&2
  return 1
}
clean_up() {
  remove_package || echo "test-deb: could not remove $package: remove it by hand (dpkg --purge $package)." >&2
  restore_defaults_list
  restore_menu_folders
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

# Output is captured before grep reads it: with pipefail, grep -q leaving early could fail the writer.
has_maintainer() {
  local maintainer
  maintainer=$(dpkg-deb -f "$deb" Maintainer) || return 1
  [ "$maintainer" = "Sonocine <$maintainer_email>" ]
}
check "the package's Maintainer is Sonocine <$maintainer_email>, as installer/build.sh sets it" has_maintainer

is_configured() { [ "$(dpkg-query -W -f='${Status}' "$package")" = 'install ok installed' ]; }
depends_on_gtk() {
  local depends
  depends=$(dpkg-query -W -f='${Depends}' "$package") || return 1
  grep -Eq '(^|[ ,])libgtk-3-0([ ,(]|$)' <<<"$depends"
}
registers_file_type() { [ -f "$mime_package" ]; }
globs_dcm() { grep -Eq '^[0-9]+:application/dicom:\*\.dcm(:|$)' /usr/share/mime/globs2; }
said_skip() { grep -Fq "$skip_message" <<<"$dpkg_output"; }
said_no_skip() { ! said_skip; }
registered_menu_or_said_skip() {
  if [ -f "$desktop_entry" ]; then said_no_skip; else said_skip; fi
}
# No archive listens on port 9: the answer must be the client's own message, not a class missing from the runtime.
reaches_for_archive() {
  local err
  err=$(timeout 60 "$launcher" remote search http://127.0.0.1:9/dicom-web 2>&1 >/dev/null)
  grep -q 'cannot reach\|could not reach\|unreachable\|refused' <<<"$err" && ! grep -q 'NoClassDefFound' <<<"$err"
}

runs_info() {
  local info
  info=$(timeout 60 "$launcher" info "$sample") || return 1
  grep -Eq '^ +Modality +US$' <<<"$info"
}
has_viewer_options() {
  local option
  while IFS= read -r option; do
    if [ -n "$option" ] && [[ $option != \#* ]]; then
      grep -Fqx -- "java-options=$option" /opt/sonocine/lib/app/Sonocine.cfg || return 1
    fi
  done < resources/org/sonocine/app/viewer-jvm-options.txt
}
# The JVM takes JAVA_TOOL_OPTIONS from any launcher: the main class must come from the archive postinst made.
uses_class_archive() {
  local loaded
  [ -f /opt/sonocine/lib/app/sonocine.jsa ] || return 1
  loaded=$(JAVA_TOOL_OPTIONS=-Xlog:class+load timeout 60 "$launcher" info "$sample" 2>/dev/null) || return 1
  grep -Eq 'org\.sonocine\.Main source: shared objects file' <<<"$loaded"
}
# The script must not ask the package manager which package owns it, as jpackage's launcher does before it starts
# the JVM: stand-ins for dpkg and rpm first on the PATH note any call.
asks_no_package_manager() {
  local fake calls
  fake=$(mktemp -d)
  printf '#!/bin/sh\necho "$0 $*" >>"%s/calls"\nexit 1\n' "$fake" >"$fake/dpkg"
  cp "$fake/dpkg" "$fake/rpm"
  chmod 755 "$fake/dpkg" "$fake/rpm"
  PATH="$fake:$PATH" timeout 60 "$command_link" info "$sample" >/dev/null || { rm -rf "$fake"; return 1; }
  calls=$(cat "$fake/calls" 2>/dev/null || true)
  rm -rf "$fake"
  [ -z "$calls" ]
}
runs_info_as_command() {
  local info
  info=$(timeout 60 "$command_link" info "$sample") || return 1
  grep -Eq '^ +Modality +US$' <<<"$info"
}
# A short command: its classes from sonocine.jsa, quick compilation only, and no JavaFX class.
short_command_starts_quickly() {
  local run
  [ -f /opt/sonocine/lib/app/sonocine.jsa ] || return 1
  run=$(JAVA_TOOL_OPTIONS='-Xlog:class+load -Xlog:cds -XX:+PrintFlagsFinal' timeout 60 "$command_link" info "$sample" \
    2>&1) || return 1
  grep -Eq 'org\.sonocine\.Main source: shared objects file' <<<"$run" \
    && grep -Eq 'TieredStopAtLevel += 1 ' <<<"$run" \
    && ! grep -Eq '^\[.*class,load\] javafx\.' <<<"$run"
}
# The viewer, given no display, stops soon after it starts: far enough to show where its first classes came from.
viewer_uses_viewer_archive() {
  local run
  [ -f /opt/sonocine/lib/app/sonocine-viewer.jsa ] || return 1
  run=$(DISPLAY= WAYLAND_DISPLAY= JAVA_TOOL_OPTIONS='-Xlog:class+load -XX:+PrintFlagsFinal' timeout 60 "$script" \
    2>&1 </dev/null) || true
  grep -Eq 'javafx\.application\.Application source: shared objects file' <<<"$run" \
    && grep -Eq 'TieredStopAtLevel += 4 ' <<<"$run"
}
# JavaFX's native libraries must load from the runtime's lib/, as installer/build.sh puts them there: unpacked from
# the modules into a cache folder instead, they cost every start a digest of each. Without a display the viewer gets
# as far as the first of them, then says in one line why it cannot go on.
loads_javafx_natives_from_runtime() {
  local home run
  home=$(mktemp -d)
  run=$(HOME=$home XDG_CACHE_HOME=$home/cache XDG_RUNTIME_DIR=$home/run DISPLAY= WAYLAND_DISPLAY= \
    JAVA_TOOL_OPTIONS='-Xlog:library=info' timeout 60 "$script" 2>&1 </dev/null) || true
  local unpacked
  unpacked=$(find "$home" -name 'libglass*' | head -1)
  rm -rf "$home"
  grep -Fq 'Loaded library /opt/sonocine/lib/runtime/lib/libglass.so' <<<"$run" && [ -z "$unpacked" ] \
    && grep -Fq 'sonocine: the viewer could not start: Unable to open DISPLAY' <<<"$run" \
    && ! grep -Eq 'Exception in thread|^\s+at ' <<<"$run"
}
# Starts the viewer on a sample with the start-up report and JavaFX's pipeline messages, in the given home and on
# the given display, until its first frame is painted and a moment after (when the viewer notes the display);
# prints what it said, then GDK_GL as the JVM had it.
start_viewer_on() {
  local home=$1 display=$2 out pid
  out=$(mktemp)
  mkdir -p "$home/run" && chmod 700 "$home/run"
  HOME=$home XDG_CACHE_HOME=$home/cache XDG_RUNTIME_DIR=$home/run DISPLAY=$display \
    JDK_JAVA_OPTIONS='-Dsonocine.startupReport=true -Dprism.verbose=true' "$script" "$sample" >"$out" 2>&1 </dev/null &
  pid=$!
  for _ in $(seq 600); do
    grep -q '^startup, ' "$out" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  sleep 2
  local gdk_gl
  gdk_gl=$(tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep '^GDK_GL=' || true)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  cat "$out"
  echo "environment: $gdk_gl"
  rm -f "$out"
}
# On a display without usable OpenGL (Xvfb: Mesa's software rasteriser, which JavaFX does not qualify), the first
# start tries OpenGL, falls back to software and notes the display; the next start asks for software rendering at
# once and keeps GTK from loading OpenGL.
remembers_software_rendering() {
  local home display=:93 xvfb first second ok=0
  home=$(mktemp -d)
  Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  first=$(start_viewer_on "$home" "$display")
  [ -f "$home/cache/sonocine/software-rendering-$(cat /proc/sys/kernel/hostname)-$display" ] || ok=1
  second=$(start_viewer_on "$home" "$display")
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  rm -rf "$home"
  [ $ok = 0 ] && grep -q '^startup, ' <<<"$first" && grep -Fq 'Prism pipeline init order: es2 sw' <<<"$first" \
    && grep -q '^startup, ' <<<"$second" && grep -Fq 'Prism pipeline init order: sw' <<<"$second" \
    && grep -Fxq 'environment: GDK_GL=disable' <<<"$second" \
    && ! grep -Eq 'Exception in thread|^\s+at ' <<<"$first$second"
}
passes_files() { grep -Eq "^Exec=$script %F$" "$desktop_entry"; }
default_handler() { [ "$(xdg-mime query default application/dicom)" = "$(basename "$desktop_entry")" ]; }
save_defaults_list() {
  if [ -f "$defaults_list" ]; then
    saved_defaults_list=$(mktemp)
    cat "$defaults_list" >"$saved_defaults_list"
  else
    saved_defaults_list=absent
  fi
}
lists_sonocine_as_default() { grep -Eq "^application/dicom=.*$(basename "$desktop_entry")" "$defaults_list"; }
# Puts another application after Sonocine on that line, as an administrator may, for the prerm to keep.
add_other_handler() { sed -i "s|^application/dicom=.*|&;$other_handler|" "$defaults_list"; }
keeps_only_other_default() {
  grep -Fqx "application/dicom=$other_handler;" "$defaults_list" \
    && ! grep -Fq "$(basename "$desktop_entry")" "$defaults_list"
}
removes_everything() {
  [ ! -e "$desktop_entry" ] && [ ! -L "$command_link" ] && [ ! -e "$mime_package" ] && [ ! -e /opt/sonocine ] \
    && [ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" != installed ]
}

# xdg-desktop-menu writes the defaults list, making it where it is missing: it goes back as it was at the end.
save_defaults_list
echo "Installing $deb on this system as it is"
check "dpkg installs the package" install_package
check "the package is fully configured" is_configured
check "the package depends on libgtk-3-0" depends_on_gtk
check "the menu entry is registered, or the package says it skipped it" registered_menu_or_said_skip
check "the package registers its file type ($mime_package)" registers_file_type
check "*.dcm files are application/dicom" globs_dcm
check "the installed launcher runs 'info' on a sample" runs_info
check "the installed runtime can talk to an archive (java.net.http is in it)" reaches_for_archive
check "the installed launcher starts the JVM with the viewer's options" has_viewer_options
check "the installed launcher starts from the class-data-sharing archive postinst made" uses_class_archive
check "postinst links $command_link to $script" test "$(readlink "$command_link")" = "$script"
check "the sonocine command runs 'info' on a sample" runs_info_as_command
check "the sonocine command starts without asking dpkg or rpm which package owns it" asks_no_package_manager
check "a short command starts from its archive, with quick compilation and no JavaFX class" \
  short_command_starts_quickly
check "the viewer starts from the viewer's archive postinst made, with full compilation" viewer_uses_viewer_archive
check "the viewer loads JavaFX's native libraries from the installed runtime, and without a display says so" \
  loads_javafx_natives_from_runtime
check "on a display without usable OpenGL the viewer notes it, and its next start renders in software at once" \
  remembers_software_rendering
echo "Removing $package"
check "dpkg removes the package" remove_package
check "removing the package takes the desktop entry, the file type and /opt/sonocine away" removes_everything

echo "Installing $deb without the menu folders (${menu_folders[*]})"
move_menu_folders_aside
check "dpkg installs the package without menu folders" install_package
check "the package is fully configured without menu folders" is_configured
check "the package says it skipped the menu entry" said_skip
check "no desktop entry is installed without menu folders" test ! -e "$desktop_entry"
check "the package registers its file type without menu folders" registers_file_type
echo "Removing $package"
check "dpkg removes the package without menu folders" remove_package
check "removing the package takes the file type and /opt/sonocine away" removes_everything

echo "Installing $deb with the menu folders"
make_menu_folders
check "dpkg installs the package with menu folders" install_package
check "the package does not skip the menu entry with menu folders" said_no_skip
check "the desktop entry is installed" test -f "$desktop_entry"
check "the desktop entry declares MimeType=application/dicom" grep -qx 'MimeType=application/dicom;' "$desktop_entry"
check "the desktop entry passes the opened files (Exec=... %F)" passes_files
check "the desktop entry is valid" desktop-file-validate "$desktop_entry"
check "xdg-mime names Sonocine as the default for application/dicom" default_handler
check "Sonocine joins the application/dicom line of $defaults_list" lists_sonocine_as_default
add_other_handler
echo "Removing $package"
check "dpkg removes the package" remove_package
check "removing the package takes the desktop entry, the file type and /opt/sonocine away" removes_everything
check "removing the package takes Sonocine off $defaults_list and keeps the other default" keeps_only_other_default

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
