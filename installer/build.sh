#!/usr/bin/env bash
# Builds Sonocine's native installer for the platform it runs on, into target/installer/:
#   Linux    .deb (default) or .rpm       needs fakeroot and binutils (rpmbuild for .rpm)
#   macOS    .dmg
#   Windows  .msi, run from Git Bash      needs the WiX Toolset 3 on the PATH
# It runs `mvn package` first, then jpackage from $JAVA_HOME, or else from the PATH (JDK 17 or newer).
#
# Usage: installer/build.sh [--type deb|rpm|dmg|pkg|msi|exe|app-image] [--skip-maven]
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,8s/^# \{0,1\}//p' "$0"; }

type=""
run_maven=true
while [ $# -gt 0 ]; do
  case "$1" in
    --type) type="${2:?--type needs a value}"; shift 2 ;;
    --skip-maven) run_maven=false; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

# Where the .deb's Maintainer field points: jpackage writes "Sonocine <$maintainer_email>" (the vendor first).
maintainer_email=maintainers@sonocine.org

case "$(uname -s)" in
  Linux) platform=linux; type=${type:-deb} ;;
  Darwin) platform=mac; type=${type:-dmg} ;;
  MINGW*|MSYS*|CYGWIN*) platform=windows; type=${type:-msi} ;;
  *) echo "No installer for $(uname -s); run 'mvn package' and use target/sonocine.jar." >&2; exit 1 ;;
esac

if $run_maven; then
  mvn -B -q -DskipTests package
fi
if [ ! -f target/sonocine.jar ] || [ ! -f target/maven-archiver/pom.properties ]; then
  echo "target/sonocine.jar is missing: run 'mvn package' first (or drop --skip-maven)." >&2
  exit 1
fi

# jpackage wants numbers only: 0.1.0-SNAPSHOT becomes 0.1.0.
version=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)
app_version=${version%%-*}
# macOS refuses a version whose first number is 0: the bundle says 1.0.0 until Sonocine 1.0.
if [ "$platform" = mac ] && [[ $app_version == 0.* ]]; then
  echo "macOS needs a major version of 1 or more: packaging $app_version as 1.0.0." >&2
  app_version=1.0.0
fi

# The platform's JavaFX jars (javafx-base-21.0.11-linux.jar, ...) go on the module path, so jlink links only the
# JavaFX modules the viewer uses; the classifier-less javafx jars beside them are empty placeholders. Everything
# else is the class path the jar's manifest names, kept in the same lib/ layout.
stage=target/installer
rm -rf "$stage"
mkdir -p "$stage/input/lib" "$stage/javafx"
cp target/sonocine.jar "$stage/input/"
# The classes a short run loads, and those the viewer loads, for the start-up archives the Linux package's postinst
# makes (see below), and the script that starts Sonocine without jpackage's launcher (installer/linux/sonocine).
if [ "$platform" = linux ] && [ -f target/cds/classes.lst ]; then
  cp target/cds/classes.lst "$stage/input/sonocine.classlist"
  cp src/build/viewer-classes.lst "$stage/input/sonocine-viewer.classlist"
fi
if [ "$platform" = linux ]; then
  cp installer/linux/sonocine "$stage/input/sonocine"
  chmod 755 "$stage/input/sonocine"
fi
for jar in target/lib/*.jar; do
  name=$(basename "$jar")
  if [[ $name =~ ^javafx- ]]; then
    if [[ $name =~ ^javafx-[a-z]+-[0-9.]+-.+\.jar$ ]]; then
      cp "$jar" "$stage/javafx/"
    fi
  else
    cp "$jar" "$stage/input/lib/"
  fi
done

# The JDK modules the viewer and its libraries use (jdeps), plus jdk.charsets for the DICOM character sets that
# are looked up by name (Japanese, Korean, Thai, ...), which no tool can see.
modules=java.base,java.desktop,java.logging,java.management,java.prefs,java.sql,java.xml,jdk.charsets
# java.net.http for archives (DICOMweb); jdk.crypto.ec for the elliptic-curve cipher suites most HTTPS servers use.
modules+=,java.net.http,jdk.crypto.ec,jdk.unsupported,javafx.controls

options=(
  --type "$type"
  --dest "$stage"
  --name Sonocine
  --app-version "$app_version"
  --vendor Sonocine
  --description "Viewer for ultrasound DICOM cine loops"
  --input "$stage/input"
  --main-jar sonocine.jar
  --main-class org.sonocine.Main
  --runtime-image "$stage/runtime"
  --file-associations installer/dcm.properties
)

# The viewer's JVM options (bounded heap, frame-sized G1 regions): the same list a plain `java -jar` relaunches with.
while IFS= read -r jvm_option; do
  if [ -n "$jvm_option" ] && [[ $jvm_option != \#* ]]; then
    options+=(--java-options "$jvm_option")
  fi
done < resources/org/sonocine/app/viewer-jvm-options.txt

case "$platform" in
  linux)
    options+=(
      --icon installer/icons/sonocine.png
      # control adds libgtk-3-0 to Depends; Sonocine.desktop passes the opened files (%F) and the MIME type;
      # postinst and prerm skip the menu entry with a message where the system has no menu folders.
      --resource-dir installer/linux
      --linux-package-name sonocine
      --linux-app-category graphics
      --linux-shortcut
    )
    # The class-data-sharing archive postinst makes with the installed runtime, for a faster start; -Xshare:auto
    # starts without it where it is missing or was made for other jars.
    if [ -f "$stage/input/sonocine.classlist" ]; then
      options+=(--java-options '-XX:SharedArchiveFile=$APPDIR/sonocine.jsa' --java-options -Xshare:auto)
    fi
    if [ "$type" = rpm ]; then
      options+=(--linux-package-deps gtk3 --linux-rpm-license-type Proprietary)
    else
      options+=(--linux-deb-maintainer "$maintainer_email")
    fi
    # jpackage's default xz takes most of the build time; zstd needs dpkg 1.21.18 (Debian 12, Ubuntu 21.10) to
    # install: set DPKG_DEB_COMPRESSOR_TYPE=xz for older systems.
    export DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-zstd}
    ;;
  mac)
    options+=(
      --icon installer/icons/sonocine.icns
      --mac-package-identifier org.sonocine.viewer
      --mac-package-name Sonocine
    )
    ;;
  windows)
    options+=(
      --icon installer/icons/sonocine.ico
      # HTTPS to an archive trusts the certificates Windows trusts (a hospital's own authority included).
      --java-options -Djavax.net.ssl.trustStoreType=Windows-ROOT
      --win-menu --win-menu-group Sonocine
      --win-shortcut
      --win-dir-chooser
      # Fixed for good: it lets a newer installer replace an installed older version.
      --win-upgrade-uuid 4a88fadc-e524-4b53-8ab1-d26b43ada7d2
    )
    ;;
esac

jdk_tool() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$1" ]; then echo "$JAVA_HOME/bin/$1"; else echo "$1"; fi
}
jpackage=$(jdk_tool jpackage)
start=$SECONDS

# The runtime is linked here rather than by jpackage, so that JavaFX's native libraries can be put where JavaFX looks
# for them first in a linked runtime (lib/, on Windows bin/javafx/). Left inside the modules, they would be unpacked
# to a cache folder and checked against it by digest at every start: ~70 ms of the viewer's start on two cores.
# Seen by jpackage there, the libraries they link against join the Linux package's dependencies, OpenGL's (libgl1)
# among them, as in Debian's own JavaFX package (libopenjfx-jni).
# jpackage's own linking options, less --strip-native-commands on Linux: postinst needs the runtime's bin/java to
# make the class-data-sharing archives.
jlink_options=(--strip-debug --no-man-pages --no-header-files)
if [ "$platform" != linux ]; then
  jlink_options+=(--strip-native-commands)
fi
"$(jdk_tool jlink)" "${jlink_options[@]}" --module-path "$stage/javafx" --add-modules "$modules" \
  --output "$stage/runtime"
case "$platform" in
  windows) native_dir=$stage/runtime/bin/javafx; native_suffix=.dll ;;
  mac) native_dir=$stage/runtime/lib; native_suffix=.dylib ;;
  *) native_dir=$stage/runtime/lib; native_suffix=.so ;;
esac
mkdir -p "$native_dir"
jar_tool=$(jdk_tool jar)
copied=0
for jar in "$PWD/$stage"/javafx/javafx-graphics-*.jar; do
  # Windows' jar tool ends its lines with CR LF.
  natives=$("$jar_tool" tf "$jar" | tr -d '\r' | grep -E "^[^/]+\\$native_suffix\$" || true)
  if [ -n "$natives" ]; then
    # One name a line: no native library has a space in its name.
    (cd "$native_dir" && "$jar_tool" xf "$jar" $natives)
    copied=$((copied + $(wc -l <<<"$natives")))
  fi
done
if [ "$copied" -eq 0 ]; then
  echo "warning: no JavaFX native library found to put in the runtime; JavaFX will unpack them at each start." >&2
fi
"$jpackage" "${options[@]}"
rm -rf "$stage/input" "$stage/javafx" "$stage/runtime"
echo "Built in $((SECONDS - start)) s:"
ls -l "$stage"
