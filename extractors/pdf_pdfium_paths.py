"""PDFium's path and image objects as pdfplumber's "rect", "line", "curve" and "image" dicts.

Why this mirrors pdfminer's ``paint_path`` step by step: the table finder and the fill
colours are only as good as the rulings and rectangles they get, so a path must become
the same kind of object, with the same points, whichever parser read it. A path of
several subpaths is painted as one object per subpath; a closed four-sided axis-aligned
subpath is a rect, a single segment a line, anything else a curve.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

Obj = dict[str, Any]
Point = tuple[float, float]
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
DIGITS = 4  # PDFium works in float32; rounding lets exact comparisons agree with pdfminer
MAX_FORM_DEPTH = 32


@dataclass(frozen=True)
class Frame:
    """pdfplumber's page frame: pdfminer coordinates start at the MediaBox's lower-left
    corner, pdfplumber turns them into top-down ones and adds the MediaBox offset back."""

    page_number: int
    height: float
    x_shift: float
    y_shift: float
    doctop: float

    @classmethod
    def of(cls, page) -> Frame:
        return cls(page.page_number, float(page.height), float(page.mediabox[0]),
                   float(page.mediabox[1]), float(page.initial_doctop))

    def place(self, obj: Obj) -> Obj:
        """Add ``top``/``bottom``/``doctop`` and the page number, as pdfplumber does."""
        obj["page_number"] = self.page_number
        obj["top"] = (self.height - obj["y1"]) + self.y_shift
        obj["bottom"] = (self.height - obj["y0"]) + self.y_shift
        obj["doctop"] = self.doctop + obj["top"]
        if self.x_shift:
            obj["x0"] += self.x_shift
            obj["x1"] += self.x_shift
        return obj

    def coord(self, point: Point) -> Point:
        return (self.x_shift + point[0], self.y_shift + self.height - point[1])


def page_paths(page, frame: Frame) -> Iterator[tuple[str, Obj]]:
    """Every painted path (as one object per subpath) and image of the page."""
    start: Matrix = (1.0, 0.0, 0.0, 1.0, -frame.x_shift, -frame.y_shift)
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        yield from _walk(pdfium_c.FPDFPage_GetObject(page, index), start, frame, 0)


def _walk(obj, outer: Matrix, frame: Frame, depth: int) -> Iterator[tuple[str, Obj]]:
    kind = pdfium_c.FPDFPageObj_GetType(obj)
    if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
        inner = _multiply(_matrix(obj), outer)
        for index in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
            yield from _walk(pdfium_c.FPDFFormObj_GetObject(obj, index), inner, frame,
                             depth + 1)
    elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
        yield from _path_objects(obj, _multiply(_matrix(obj), outer), frame)
    elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
        yield "image", _image(obj, outer, frame)


def _path_objects(path, matrix: Matrix, frame: Frame) -> Iterator[tuple[str, Obj]]:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(path, fill_mode, stroke)
    if not fill_mode.value and not stroke.value:
        return  # a clipping-only path: pdfminer paints nothing for it either
    style = {
        "linewidth": _stroke_width(path), "stroke": bool(stroke.value),
        "fill": bool(fill_mode.value),
        "evenodd": fill_mode.value == pdfium_c.FPDF_FILLMODE_ALTERNATE,
        "stroking_color": _colour(pdfium_c.FPDFPageObj_GetStrokeColor, path),
        "non_stroking_color": _colour(pdfium_c.FPDFPageObj_GetFillColor, path),
        "mcid": None, "tag": None, "dash": None,
    }
    operations = _operations(path, matrix)
    shape = "".join(op[0] for op in operations)
    if shape[:1] != "m":
        return
    for match in re.finditer(r"m[^m]+", shape):
        found = _classify(operations[match.start():match.end()], style, frame)
        if found is not None:
            yield found


def _operations(path, matrix: Matrix) -> list[tuple]:
    """The path as pdfminer's operations ("m", "l", "c" with their points, "h"), points
    already in the page frame."""
    operations: list[tuple] = []
    pending: list[Point] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for index in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = _apply(matrix, (x.value, y.value))
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            operations.append(("m", point))
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            operations.append(("l", point))
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            pending.append(point)
            if len(pending) == 3:
                operations.append(("c", *pending))
                pending = []
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            operations.append(("h",))
    return operations


def _classify(path: list[tuple], style: Obj, frame: Frame) -> tuple[str, Obj] | None:
    """pdfminer's ``paint_path`` for one subpath: a line, a rect or a curve."""
    shape = "".join(op[0] for op in path)
    pts = [op[-1] if op[0] != "h" else path[0][-1] for op in path]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    kind = "curve"
    if shape in {"mlh", "ml"}:
        kind = "line"
    elif shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
                  or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0))
        if pts[0] == pts[4] and square:
            kind = "rect"
            pts = [pts[0], pts[2]]
    if kind == "line":
        pts = pts[:2]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    obj: Obj = {"x0": min(xs), "y0": min(ys), "x1": max(xs), "y1": max(ys)}
    obj["width"], obj["height"] = obj["x1"] - obj["x0"], obj["y1"] - obj["y0"]
    if kind == "rect":
        x0, y0, x1, y1 = obj["x0"], obj["y0"], obj["x1"], obj["y1"]
        pts = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    obj["pts"] = [frame.coord(p) for p in pts]
    obj["path"] = [(op[0], *(frame.coord(p) for p in op[1:])) for op in path]
    obj.update(style)
    obj["object_type"] = kind
    return kind, frame.place(obj)


def _image(obj, outer: Matrix, frame: Frame) -> Obj:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    corners = [_apply(outer, (left.value, bottom.value)), _apply(outer, (right.value, top.value))]
    xs, ys = sorted(p[0] for p in corners), sorted(p[1] for p in corners)
    image = {"x0": xs[0], "y0": ys[0], "x1": xs[1], "y1": ys[1], "width": xs[1] - xs[0],
             "height": ys[1] - ys[0], "object_type": "image", "mcid": None, "tag": None}
    return frame.place(image)


def _stroke_width(obj) -> float:
    width = ctypes.c_float()
    return round(width.value, DIGITS) if pdfium_c.FPDFPageObj_GetStrokeWidth(obj, width) else 0.0


def _colour(getter, obj) -> tuple[float, ...] | None:
    rgba = [ctypes.c_uint() for _ in range(4)]
    if not getter(obj, *rgba):
        return None
    return tuple(channel.value / 255 for channel in rgba[:3])


def _matrix(obj) -> Matrix:
    found = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, found):
        return IDENTITY
    return (found.a, found.b, found.c, found.d, found.e, found.f)


def _multiply(first: Matrix, then: Matrix) -> Matrix:
    """``first`` followed by ``then`` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _apply(matrix: Matrix, point: Point) -> Point:
    a, b, c, d, e, f = matrix
    x, y = point
    return (round(a * x + c * y + e, DIGITS), round(b * x + d * y + f, DIGITS))
