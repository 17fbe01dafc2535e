#!/usr/bin/env bash
# Renders sonocine.svg into every icon the installers and the viewer window use. The renderings are committed,
# so run this only after changing the SVG. Needs rsvg-convert (Debian: librsvg2-bin), ImageMagick and python3.
#   sonocine.png   Linux package icon (256 px)
#   sonocine.ico   Windows installer and launcher (16 to 256 px)
#   sonocine.icns  macOS application bundle (16 to 512 px)
#   resources/org/sonocine/ui/icon-{16,32,64,256}.png   the window's icon
set -euo pipefail
cd "$(dirname "$0")"
window_icons=../../resources/org/sonocine/ui

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" sonocine.svg --output "$work/$size.png"
  # Drop metadata such as timestamps so that a re-render of an unchanged SVG changes no bytes.
  convert "$work/$size.png" -strip -define png:compression-level=9 "PNG32:$work/$size.png"
done

cp "$work/256.png" sonocine.png

# Both containers are written here with PNG entries (Windows Vista and later, macOS 10.7 and later read them):
# a third of the size of ImageMagick's bitmap entries.
python3 - "$work" <<'PY'
import pathlib, struct, sys
work = pathlib.Path(sys.argv[1])
png = lambda size: (work / f"{size}.png").read_bytes()

# .ico: a directory of (width, height, colours, planes, bits, length, offset), then the images; 0 means 256.
sizes = [16, 24, 32, 48, 64, 128, 256]
offset = 6 + 16 * len(sizes)
directory, images = b"", b""
for size in sizes:
    data = png(size)
    directory += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset + len(images))
    images += data
pathlib.Path("sonocine.ico").write_bytes(struct.pack("<HHH", 0, 1, len(sizes)) + directory + images)

# .icns: a header, then (type, length, PNG) entries; the type names the size and the scale.
entries = [("icp4", 16), ("icp5", 32), ("ic11", 32), ("ic12", 64), ("ic07", 128),
           ("ic13", 256), ("ic08", 256), ("ic14", 512), ("ic09", 512)]
body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(png(size))) + png(size) for kind, size in entries)
pathlib.Path("sonocine.icns").write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY

for size in 16 32 64 256; do
  cp "$work/$size.png" "$window_icons/icon-$size.png"
done
ls -l sonocine.png sonocine.ico sonocine.icns "$window_icons"/icon-*.png
