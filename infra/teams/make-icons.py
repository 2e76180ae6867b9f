#!/usr/bin/env python3
"""Generates the Teams app icons from code (no downloads, no image libraries).

color.png   192x192, opaque: a white bolt on the accent colour (#C4314B), as Teams requires.
outline.png  32x32, white on a transparent background, as Teams requires.

Run from anywhere: python3 infra/teams/make-icons.py. Output is deterministic.
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ACCENT = (0xC4, 0x31, 0x4B, 0xFF)
WHITE = (0xFF, 0xFF, 0xFF, 0xFF)
CLEAR = (0, 0, 0, 0)

# A lightning bolt on a 16x16 grid (x, y), a closed polygon.
BOLT = [(9, 1), (3, 9), (7.5, 9), (6, 15), (13, 6), (8.5, 6), (10.5, 1)]


def inside(px, py, polygon):
    """Even-odd rule point-in-polygon test."""
    hit = False
    j = len(polygon) - 1
    for i, (xi, yi) in enumerate(polygon):
        xj, yj = polygon[j]
        if (yi > py) != (yj > py) and px < (xj - xi) * (py - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit


def render(size, background, foreground, margin):
    scale = (size - 2 * margin) / 16.0
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter type: none
        for x in range(size):
            gx, gy = (x + 0.5 - margin) / scale, (y + 0.5 - margin) / scale
            row.extend(foreground if inside(gx, gy, BOLT) else background)
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, pixels):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels, 9)) + chunk(b"IEND", b"")


def main():
    icons = {"color.png": (192, ACCENT, WHITE, 24), "outline.png": (32, CLEAR, WHITE, 2)}
    for name, (size, background, foreground, margin) in icons.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(png(size, render(size, background, foreground, margin)))
        print(f"{name}: {size}x{size}")


if __name__ == "__main__":
    main()
