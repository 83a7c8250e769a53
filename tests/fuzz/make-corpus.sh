#!/usr/bin/env bash
# Writes the seed corpora in tests/fuzz/corpus/ (committed; run again only to refresh them).
#   tests/fuzz/make-corpus.sh BUILD_DIR      (a normal build: its bin/nad makes the project seed)
# Needs Debian's python3 with python3-torch (the tiny model) and python3-pil (the images).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NAD="$(cd "$1" && pwd)/bin/nad"
PY=/usr/bin/python3
OUT="$HERE/corpus"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
rm -rf "$OUT"
mkdir -p "$OUT"/{idxreader,hierarchy,importspec,projectopen,imageloader}

"$PY" - "$OUT" <<'PY'
import gzip, io, json, struct, sys
from PIL import Image
out = sys.argv[1]

def idx(dims, payload):
    return bytes([0, 0, 8, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + bytes(payload)

def put(target, name, data):
    with open(f"{out}/{target}/{name}", "wb") as f:
        f.write(data)

# IDX: mode byte 0 = one file; 1 = 2-byte little-endian image-file length, images, labels.
images = idx([3, 4, 4], range(48))
labels = idx([3], [0, 5, 9])
put("idxreader", "plain-images", b"\x00" + images)
put("idxreader", "gzip-images", b"\x00" + gzip.compress(images))
put("idxreader", "plain-labels", b"\x00" + labels)
put("idxreader", "two-dims", b"\x00" + idx([2, 3], range(6)))
put("idxreader", "pair-plain", b"\x01" + struct.pack("<H", len(images)) + images + labels)
gz = gzip.compress(images)
put("idxreader", "pair-gzip", b"\x01" + struct.pack("<H", len(gz)) + gz + gzip.compress(labels))

# Hierarchies over Fashion-MNIST's classes.
put("hierarchy", "builtin.json", json.dumps({
    "tops": ["T-shirt/top", "Pullover", "Coat", "Shirt"], "bottoms": ["Trouser"], "dresses": ["Dress"],
    "footwear": ["Sandal", "Sneaker", "Ankle boot"], "accessories": ["Bag"]}).encode())
put("hierarchy", "partial.json", b'{"shoes": ["Sandal", "Sneaker"]}')
put("hierarchy", "empty.json", b"{}")

# Block specs.
put("importspec", "tiny.json", json.dumps({
    "input": {"channels": 3, "size": 16}, "normalization": {"mean": [0.5], "std": [0.25]},
    "classes": ["ankle", "bag", "coat"],
    "blocks": [{"name": "conv1", "steps": ["features.0", "features.1"]},
               {"name": "conv2", "steps": ["features.2", "features.3", "features.4"]}],
    "classifier": ["pool", "@flatten", "fc"]}).encode())
put("importspec", "preset.json", json.dumps({"preset": "resnet50",
    "input": {"channels": 3, "size": 224},
    "blocks": [{"name": "stem", "steps": ["conv1", "bn1", "relu", "maxpool"]},
               {"name": "layer1.0", "steps": ["layer1.0"]}],
    "classifier": ["avgpool", "@flatten", "fc"]}).encode())

# Images: mode byte (0 as stored, 1 gray 28 px, 2 RGB 32 px) then the file.
def image_bytes(mode, size, fmt, **kw):
    img = Image.new(mode, size)
    for x in range(size[0]):
        for y in range(size[1]):
            v = (x * 37 + y * 11) % 256
            img.putpixel((x, y), v if mode in ("L", "I;16") else (v, 255 - v, (v * 3) % 256) + ((128,) if mode == "RGBA" else ()))
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()

for m, name, data in [
        (0, "gray.png", image_bytes("L", (8, 6), "PNG")),
        (1, "rgb.png", image_bytes("RGB", (12, 9), "PNG")),
        (2, "rgba.png", image_bytes("RGBA", (5, 7), "PNG")),
        (0, "gray16.png", image_bytes("I;16", (6, 6), "PNG")),
        (2, "rgb.jpg", image_bytes("RGB", (16, 16), "JPEG", quality=80)),
        (1, "gray.bmp", image_bytes("L", (7, 5), "BMP"))]:
    put("imageloader", name, bytes([m]) + data)
PY

# A real project: a tiny imported model, an ImageFolder, one learned and evaluated run.
"$PY" "$HERE/../data/export_tiny_cnn.py" "$WORK"
"$PY" - "$WORK" <<'PY'
import os, sys
from PIL import Image
root = sys.argv[1]
for c, name in enumerate(["ankle", "bag", "coat"]):
    for split, count in (("train", 4), ("test", 2)):
        d = f"{root}/images/{split}/{name}"
        os.makedirs(d, exist_ok=True)
        for i in range(count):
            Image.new("RGB", (16, 16), (40 + 80 * c, 200 - 60 * c, 10 * i)).save(f"{d}/img{i}.png")
with open(f"{root}/spec.json", "w") as f:
    f.write('{"input": {"channels": 3, "size": 16}, "normalization": {"mean": [0.5], "std": [0.25]},'
            ' "blocks": [{"name": "conv1", "steps": ["features.0", "features.1"]},'
            ' {"name": "conv2", "steps": ["features.2", "features.3", "features.4"]}],'
            ' "classifier": ["pool", "@flatten", "fc"]}')
with open(f"{root}/hierarchy.json", "w") as f:
    f.write('{"footwear": ["ankle"], "other": ["bag", "coat"]}')
PY
"$NAD" project new "$WORK/p.nad" --dataset "$WORK/images" --model "$WORK/tiny3.pt" --spec "$WORK/spec.json" \
    --hierarchy "$WORK/hierarchy.json" >/dev/null
cp "$WORK/p.nad" "$OUT/projectopen/new-project"
"$NAD" disentangle "$WORK/p.nad" --model tiny3 --steps 4 --images-per-concept 2 >/dev/null
sqlite3 "$WORK/p.nad" "PRAGMA journal_mode=DELETE; VACUUM;" >/dev/null
cp "$WORK/p.nad" "$OUT/projectopen/learned-project"
ls -l "$OUT"/*
