"""Make a "scanned" copy of a sample PDF at test time: pictures of its pages, skewed and noisy.

Why made at test time and not committed: a scan is a large binary, and the point of the
test is that a scan of *any* ruled plan comes out as its actions; so the tests and the OCR
benchmark take a sample PDF whose gold is known, rasterise it as a scanner would (200 dpi,
colour), turn each page by a small angle, add gaussian speckle and salt-and-pepper dots, and
save the pictures as a PDF with no text layer. The gold of the source document is the gold
of its scan: ``scan_gold`` copies it under the scan's file name for the scorer.

    .venv/bin/python samples/gen_scan.py samples/docs/X.pdf /tmp/X-scan.pdf --angle 1.5
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pypdfium2
from PIL import Image

DPI = 200
SPECKLE_SIGMA = 12.0  # grey levels of gaussian noise on every pixel
SALT_PEPPER = 0.002  # share of pixels turned pure black or white
SAMPLES = Path(__file__).resolve().parent


def page_images(source: Path, dpi: int = DPI, pages: int | None = None) -> list[Image.Image]:
    """The pages of ``source`` as RGB pictures at ``dpi`` (the first ``pages`` only)."""
    document = pypdfium2.PdfDocument(str(source))
    try:
        count = len(document) if pages is None else min(pages, len(document))
        return [document[i].render(scale=dpi / 72).to_pil().convert("RGB")
                for i in range(count)]
    finally:
        document.close()


def degrade(image: Image.Image, angle: float, seed: int) -> Image.Image:
    """Turn the picture by ``angle`` degrees (counter-clockwise) and add scanner noise."""
    turned = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False,
                          fillcolor=(255, 255, 255))
    rng = np.random.default_rng(seed)
    pixels = np.asarray(turned, dtype=np.float32)
    pixels += rng.normal(0.0, SPECKLE_SIGMA, pixels.shape[:2])[..., None]
    dots = rng.random(pixels.shape[:2])
    pixels[dots < SALT_PEPPER / 2] = 0.0
    pixels[dots > 1.0 - SALT_PEPPER / 2] = 255.0
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")


def make_scan(source: Path, target: Path, *, angle: float = 1.5, seed: int = 11,
              dpi: int = DPI, pages: int | None = None) -> Path:
    """A PDF of degraded page pictures of ``source``: no text layer, one image per page."""
    images = [degrade(image, angle, seed + number)
              for number, image in enumerate(page_images(source, dpi, pages))]
    images[0].save(target, format="PDF", save_all=True, append_images=images[1:],
                   resolution=float(dpi))
    return target


def scan_gold(source: Path, scan: Path, gold_dir: Path,
              source_gold_dir: Path = SAMPLES / "gold") -> Path:
    """The source document's gold file, renamed for the scan, in ``gold_dir``."""
    gold = json.loads((source_gold_dir / f"{source.name}.json").read_text(encoding="utf-8"))
    gold["file"] = scan.name
    gold_dir.mkdir(parents=True, exist_ok=True)
    target = gold_dir / f"{scan.name}.json"
    target.write_text(json.dumps(gold, indent=1, ensure_ascii=False), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--angle", type=float, default=1.5)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--pages", type=int, default=None)
    args = parser.parse_args()
    make_scan(args.source, args.target, angle=args.angle, seed=args.seed, pages=args.pages)
    print(args.target)


if __name__ == "__main__":
    main()
